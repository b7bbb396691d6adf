import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { chinaToday } from '../../../domain/china-today.ts';
import { checkStageMove, requiredEvidence } from '../../../domain/stages.ts';
import { errorText } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { SafeForm } from '../../ui/safe-form.tsx';
import { moveStage, type Project, uploadFile } from './api.ts';
import { EVIDENCE_LABELS, STAGE_LABELS, type Stage } from './labels.ts';

interface StageMoveModalProps {
  project: Project;
  to: Stage;
  onClose(): void;
  onMoved(project: Project): void;
}

interface Values {
  on: Dayjs;
  reason?: string;
  note?: string;
}

/** Asks for what a stage move needs (date, the required document, a reason to drop) and sends it. */
export function StageMoveModal({ project, to, onClose, onMoved }: StageMoveModalProps) {
  const { t, pick } = useLocale();
  const [form] = Form.useForm<Values>();
  const [evidence, setEvidence] = useState<{ id: string; name: string } | null>(null);
  const [isUploading, setUploading] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needed = requiredEvidence(to);
  const label = (stage: Stage) => pick(STAGE_LABELS[stage].zh, STAGE_LABELS[stage].en);
  const today = chinaToday();

  async function submit(values: Values) {
    const on = values.on.format('YYYY-MM-DD');
    const evidenceList =
      evidence && needed
        ? [{ fileId: evidence.id, kind: needed }]
        : evidence
          ? [{ fileId: evidence.id, kind: 'other' as const }]
          : [];
    // The same rules as the server, so a forbidden move is explained before anything is sent.
    const local = checkStageMove({
      from: project.stage,
      to,
      on,
      reason: values.reason,
      evidenceKinds: evidenceList.map((e) => e.kind),
      previousChangeOn: project.stageChangedOn,
      today,
    });
    if (!local.ok) {
      setError(pick(local.error.zh, local.error.en));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onMoved(
        await moveStage(project.id, {
          to,
          on,
          reason: values.reason,
          note: values.note,
          evidence: evidenceList,
          version: project.version,
        }),
      );
    } catch (caught) {
      setError(errorText(caught, pick, t('error.network')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('project.moveTitle', {
        name: pick(project.nameZh, project.nameEn),
        from: label(project.stage),
        to: label(to),
      })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      okButtonProps={{ 'data-testid': 'confirm-move' } as Record<string, string>}
      destroyOnHidden
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="move-error" />
      )}
      <SafeForm form={form} layout="vertical" onFinish={submit} initialValues={{ on: dayjs(today) }}>
        <Form.Item
          name="on"
          label={t('project.moveDate')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="move-date" />
        </Form.Item>
        {to === 'dropped' && (
          <Form.Item
            name="reason"
            label={t('project.moveReason')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={2} data-testid="move-reason" />
          </Form.Item>
        )}
        <Form.Item
          label={
            needed
              ? t('project.moveEvidence', {
                  kind: pick(EVIDENCE_LABELS[needed].zh, EVIDENCE_LABELS[needed].en),
                })
              : t('project.moveEvidenceOptional')
          }
          required={Boolean(needed)}
        >
          <Upload
            maxCount={1}
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
            customRequest={async ({ file, onSuccess, onError }) => {
              setUploading(true);
              try {
                const uploaded = await uploadFile(file as File);
                setEvidence(uploaded);
                onSuccess?.(uploaded);
              } catch (caught) {
                onError?.(caught as Error);
                setError(pick((caught as { zh?: string }).zh ?? '上传失败', (caught as Error).message));
              } finally {
                setUploading(false);
              }
            }}
            onRemove={() => setEvidence(null)}
          >
            <Button icon={<UploadOutlined />} loading={isUploading} data-testid="move-upload">
              {t('project.upload')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item name="note" label={t('project.moveNote')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </SafeForm>
    </Modal>
  );
}
