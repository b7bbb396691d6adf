import { Alert, Skeleton, Typography } from 'antd';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale.tsx';

// WeChat's browser cannot show a PDF inline, so pages are drawn into canvases by pdf.js in a worker.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Bitmaps above 2x the CSS size add little on a phone and exhaust its canvas memory on long documents. */
const MAX_PIXEL_RATIO = 2;

/** The pages of a PDF, each drawn only when it scrolls near the viewport. */
export function PdfViewer({ url }: { url: string }) {
  const { t } = useLocale();
  const containerRef = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [aspect, setAspect] = useState(Math.SQRT2);
  const [isFailed, setFailed] = useState(false);
  const width = useWidth(containerRef);

  useEffect(() => {
    let isCancelled = false;
    setDoc(null);
    setFailed(false);
    const task = getDocument({ url, isEvalSupported: false });
    task.promise
      .then(async (loaded) => {
        const first = await loaded.getPage(1);
        const viewport = first.getViewport({ scale: 1 });
        if (isCancelled) return;
        setAspect(viewport.height / viewport.width);
        setDoc(loaded);
      })
      .catch(() => {
        if (!isCancelled) setFailed(true);
      });
    return () => {
      isCancelled = true;
      void task.destroy();
    };
  }, [url]);

  return (
    <div ref={containerRef} data-testid="pdf-viewer">
      {isFailed && <Alert type="warning" showIcon title={t('sign.pdfError')} />}
      {!isFailed && !doc && <Skeleton active paragraph={{ rows: 8 }} />}
      {doc &&
        width > 0 &&
        Array.from({ length: doc.numPages }, (_, index) => (
          <PdfPage
            // biome-ignore lint/suspicious/noArrayIndexKey: pages are identified by their number
            key={index}
            doc={doc}
            number={index + 1}
            width={width}
            aspect={aspect}
          />
        ))}
    </div>
  );
}

function PdfPage(props: { doc: PDFDocumentProxy; number: number; width: number; aspect: number }) {
  const { doc, number, width } = props;
  const { t } = useLocale();
  const holderRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [isNear, setNear] = useState(false);
  const [aspect, setAspect] = useState(props.aspect);

  // Render lazily: start when the page comes within a screen of the viewport.
  useEffect(() => {
    const holder = holderRef.current;
    if (!holder) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(holder);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!isNear || !canvas) return;
    let isCancelled = false;
    let task: RenderTask | null = null;
    void (async () => {
      const page = await doc.getPage(number);
      if (isCancelled) return;
      const natural = page.getViewport({ scale: 1 });
      const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), MAX_PIXEL_RATIO);
      const viewport = page.getViewport({ scale: (width / natural.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      setAspect(natural.height / natural.width);
      task = page.render({ canvas, viewport });
      await task.promise;
    })().catch(() => {
      // A cancelled render (scrolled away, resized) is expected; a broken page stays blank with its number.
    });
    return () => {
      isCancelled = true;
      task?.cancel();
    };
  }, [isNear, doc, number, width]);

  return (
    <div ref={holderRef} style={{ marginBottom: 12 }}>
      <div
        style={{
          width: '100%',
          aspectRatio: `1 / ${aspect}`,
          background: '#fff',
          boxShadow: '0 1px 4px rgba(0,0,0,0.15)',
        }}
      >
        <canvas
          ref={canvasRef}
          data-testid={`pdf-page-${number}`}
          style={{ display: 'block', width: '100%', height: '100%' }}
        />
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', fontSize: 12 }}>
        {t('sign.pageOf', { page: number, total: doc.numPages })}
      </Typography.Text>
    </div>
  );
}

/** The element's content width, updated on resize but only when it changes by more than a few pixels. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () =>
      setWidth((previous) => {
        const next = Math.round(element.clientWidth);
        return Math.abs(next - previous) > 8 ? next : previous;
      });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
