import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { AGREEMENTS_KEY, type Agreement, agreementKey, documentUrl, uploadDocument } from './api.ts';

const MAX_PDF_BYTES = 20 * 1024 * 1024;

/** Replaces a draft's generated text with the parties' own PDF. */
export function UploadPdfButton({
  agreement,
  onUploaded,
}: {
  agreement: Agreement;
  onUploaded?: (agreement: Agreement) => void;
}) {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isUploading, setUploading] = useState(false);

  async function upload(file: File) {
    if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) {
      message.error(t('agreement.document.notPdf'));
      return;
    }
    if (file.size > MAX_PDF_BYTES) {
      message.error(t('agreement.document.tooLarge', { mb: MAX_PDF_BYTES / 1024 / 1024 }));
      return;
    }
    setUploading(true);
    try {
      const saved = await uploadDocument(agreement.id, file);
      queryClient.setQueryData(agreementKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: [AGREEMENTS_KEY] });
      message.success(t('agreement.document.uploaded'));
      onUploaded?.(saved);
    } catch (error) {
      message.error(errorText(error, pick, t('agreement.document.uploadFailed')));
    } finally {
      setUploading(false);
    }
  }

  return (
    <Upload
      accept="application/pdf,.pdf"
      showUploadList={false}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={isUploading} data-testid="agreement-upload-pdf">
        {agreement.document.isUploaded ? t('agreement.document.replace') : t('agreement.document.upload')}
      </Button>
    </Upload>
  );
}

/** Opens the PDF in a new tab: the draft's preview, or the latest signed revision. */
export function PdfLink({ agreement, revision }: { agreement: Agreement; revision?: number }) {
  const { t } = useLocale();
  const label =
    agreement.status === 'draft' && !agreement.document.isUploaded
      ? t('agreement.document.preview')
      : t('agreement.document.view');
  return (
    <Button
      icon={<FilePdfOutlined />}
      href={documentUrl(agreement.id, revision)}
      target="_blank"
      rel="noreferrer"
      data-testid="agreement-pdf"
    >
      {label}
    </Button>
  );
}
