import { ClearOutlined } from '@ant-design/icons';
import { Button, Input, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { MAX_SIGNATURE_PNG_BASE64, type SignatureInput } from '../../contracts/signing.ts';
import type { RuleError } from '../../domain/result.ts';
import { checkInk, type InkBox, measureInk } from '../../domain/signature-ink.ts';
import { MAX_SIGNATURE_TEXT, normalizeSignatureText } from '../../domain/signature-text.ts';
import { useLocale } from '../i18n/locale.tsx';

/** Brush-style Chinese fonts first (Windows, macOS, Linux), any serif last. */
export const CALLIGRAPHIC_FONT = '"STKaiti","KaiTi","Kaiti SC","Noto Serif CJK SC",serif';

/** Largest exported drawing, in pixels: plenty for a signature line, small enough to upload from a phone. */
const MAX_EXPORT_WIDTH = 1200;
const MAX_EXPORT_HEIGHT = 400;

type Mode = SignatureInput['kind'];

interface Props {
  value: SignatureInput | null;
  onChange(value: SignatureInput | null): void;
  signerName: string;
}

/** The typed name as the server will store it, or the rule it breaks (the same rule the server applies). */
function typedCheck(text: string): {
  value: Extract<SignatureInput, { kind: 'typed' }> | null;
  problem: RuleError | null;
} {
  if (!text.trim()) return { value: null, problem: null };
  const checked = normalizeSignatureText(text);
  return checked.ok
    ? { value: { kind: 'typed', text: checked.value }, problem: null }
    : { value: null, problem: checked.error };
}
const typedValue = (text: string) => typedCheck(text).value;

/** A signature drawn by hand or typed as a name; emits what the server's SignatureInput accepts, or null when empty. */
export function SignatureCapture({ value, onChange, signerName }: Props) {
  const { t } = useLocale();
  const [mode, setMode] = useState<Mode>(value?.kind ?? 'drawn');
  const [text, setText] = useState(value?.kind === 'typed' ? value.text : signerName);
  // The drawing outlives a trip to the Type tab, so switching back restores it.
  const drawnRef = useRef<SignatureInput | null>(value?.kind === 'drawn' ? value : null);

  function switchTo(next: Mode) {
    setMode(next);
    onChange(next === 'typed' ? typedValue(text) : drawnRef.current);
  }

  function onDrawn(drawn: SignatureInput | null) {
    drawnRef.current = drawn;
    onChange(drawn);
  }

  const { value: typed, problem: typedProblem } = typedCheck(text);
  return (
    <Tabs
      activeKey={mode}
      onChange={(key) => switchTo(key === 'typed' ? 'typed' : 'drawn')}
      items={[
        {
          key: 'drawn',
          label: <span data-testid="signature-tab-draw">{t('signPad.draw')}</span>,
          children: <DrawPad hasValue={value?.kind === 'drawn'} onDrawn={onDrawn} />,
        },
        {
          key: 'typed',
          label: <span data-testid="signature-tab-type">{t('signPad.type')}</span>,
          children: (
            <div>
              <Input
                value={text}
                maxLength={MAX_SIGNATURE_TEXT}
                status={typedProblem ? 'error' : undefined}
                aria-label={t('signPad.typeLabel')}
                placeholder={t('signPad.typeLabel')}
                data-testid="signature-typed-input"
                onChange={(event) => {
                  setText(event.target.value);
                  onChange(typedValue(event.target.value));
                }}
              />
              <SignatureProblem problem={typedProblem} />
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                {t('signPad.typeHint')}
              </Typography.Text>
              <div
                data-testid="signature-typed-preview"
                style={{
                  fontFamily: CALLIGRAPHIC_FONT,
                  fontSize: 48,
                  lineHeight: 1.3,
                  minHeight: 120,
                  padding: '16px 12px',
                  border: '1px dashed #d9d9d9',
                  borderRadius: 6,
                  background: '#fffdf7',
                  textAlign: 'center',
                  overflowWrap: 'anywhere',
                  color: typed ? '#111' : '#bfbfbf',
                }}
              >
                {typed ? typed.text : t('signPad.typeEmpty')}
              </div>
            </div>
          ),
        },
      ]}
    />
  );
}

/** Why the signature cannot be sent yet, under the pad or the typed name. */
function SignatureProblem({ problem }: { problem: RuleError | null | undefined }) {
  const { pick } = useLocale();
  if (!problem) return null;
  return (
    <Typography.Text type="danger" data-testid="signature-problem" style={{ display: 'block', marginTop: 8 }}>
      {pick(problem.zh, problem.en)}
    </Typography.Text>
  );
}

function DrawPad({ hasValue, onDrawn }: { hasValue: boolean; onDrawn(value: SignatureInput | null): void }) {
  const { t } = useLocale();
  const [problem, setProblem] = useState<RuleError | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onDrawnRef = useRef(onDrawn);
  const [isSupported, setSupported] = useState(true);

  useEffect(() => {
    onDrawnRef.current = onDrawn;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    // No 2D context (very old browsers, test DOMs): offer the Type tab instead of crashing.
    if (!canvas?.getContext('2d')) {
      setSupported(false);
      return;
    }
    const pad = new SignaturePad(canvas, { penColor: '#111111', minWidth: 1, maxWidth: 3.2 });
    padRef.current = pad;
    // Too little ink is refused here with the server's own rule, so a blank pad cannot be submitted.
    const emit = () => {
      const exported = pad.isEmpty() ? null : exportDrawing(canvas);
      setProblem(exported && 'problem' in exported ? exported.problem : null);
      onDrawnRef.current(exported && 'png' in exported ? { kind: 'drawn', png: exported.png } : null);
    };
    pad.addEventListener('endStroke', emit);

    // Sharp strokes on high-DPI screens: the bitmap is the CSS size times the pixel ratio, redrawn on resize.
    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = Math.round(canvas.offsetWidth * ratio);
      const height = Math.round(canvas.offsetHeight * ratio);
      if (width === 0 || (canvas.width === width && canvas.height === height)) return;
      const strokes = pad.toData();
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.fromData(strokes);
    };
    resize();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(canvas);
    return () => {
      observer?.disconnect();
      pad.removeEventListener('endStroke', emit);
      pad.off();
      padRef.current = null;
    };
  }, []);

  // The parent cleared the value (e.g. after a failed submit): clear the ink too.
  useEffect(() => {
    const pad = padRef.current;
    if (!hasValue && pad && !pad.isEmpty()) pad.clear();
  }, [hasValue]);

  function clear() {
    padRef.current?.clear();
    setProblem(null);
    onDrawnRef.current(null);
  }

  return (
    <div>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
        {isSupported ? t('signPad.drawHint') : t('signPad.unsupported')}
      </Typography.Text>
      <canvas
        ref={canvasRef}
        data-testid="signature-canvas"
        aria-label={t('signPad.canvasLabel')}
        style={{
          display: 'block',
          width: '100%',
          height: 200,
          border: '1px dashed #bfbfbf',
          borderRadius: 6,
          background: '#fffdf7',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
      <SignatureProblem problem={problem} />
      <Button
        icon={<ClearOutlined />}
        onClick={clear}
        data-testid="signature-clear"
        style={{ marginTop: 8 }}
        size="small"
      >
        {t('signPad.clear')}
      </Button>
    </div>
  );
}

/** The smallest box holding every ink pixel of an RGBA bitmap, or null when it is blank. */
export function inkBounds(rgba: ArrayLike<number>, width: number, height: number): InkBox | null {
  return measureInk(rgba, width, height).bounds;
}

/**
 * The drawing cropped to its ink (with a margin) and scaled down to fit the upload limit, as bare base64; or why
 * it is not a signature yet (too little ink in the cropped picture, by the rule the server applies).
 */
function exportDrawing(canvas: HTMLCanvasElement): { png: string } | { problem: RuleError } {
  const context = canvas.getContext('2d');
  const ink = context
    ? measureInk(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)
    : { pixels: 0, bounds: null };
  const box = ink.bounds ?? { x: 0, y: 0, width: canvas.width, height: canvas.height };
  const margin = Math.round(Math.min(canvas.width, canvas.height) * 0.04);
  const x = Math.max(0, box.x - margin);
  const y = Math.max(0, box.y - margin);
  const width = Math.min(canvas.width, box.x + box.width + margin) - x;
  const height = Math.min(canvas.height, box.y + box.height + margin) - y;
  const verdict = checkInk(ink, width * height);
  if (!verdict.ok) return { problem: verdict.error };
  let scale = Math.min(1, MAX_EXPORT_WIDTH / width, MAX_EXPORT_HEIGHT / height);
  for (;;) {
    const out = document.createElement('canvas');
    out.width = Math.max(1, Math.round(width * scale));
    out.height = Math.max(1, Math.round(height * scale));
    out.getContext('2d')?.drawImage(canvas, x, y, width, height, 0, 0, out.width, out.height);
    const png = out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    if (png.length <= MAX_SIGNATURE_PNG_BASE64 || scale < 0.1) return { png };
    scale /= 2;
  }
}
