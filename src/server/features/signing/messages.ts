import type { OutgoingMessage } from '../../platform/notifier.ts';

type Person = OutgoingMessage['to'];
type AgreementTitle = { titleZh: string; titleEn: string | null };

const title = (agreement: AgreementTitle) =>
  agreement.titleEn ? `${agreement.titleZh} / ${agreement.titleEn}` : agreement.titleZh;

/** The signing link: bilingual, since many signers are foreign investors. */
export function linkMessage(to: Person, agreement: AgreementTitle, url: string): OutgoingMessage {
  return {
    kind: 'signing-link',
    to,
    subject: `请签署：${agreement.titleZh} / Please sign: ${agreement.titleEn ?? agreement.titleZh}`,
    text: [
      `${to.name}，您好：`,
      `请通过以下链接查看并签署《${agreement.titleZh}》。签署前需输入发送给您的验证码。`,
      url,
      '',
      `Dear ${to.name},`,
      `Please review and sign "${title(agreement)}" at the link above. You will confirm with a one-time code.`,
      '',
      '此链接仅供您本人使用，请勿转发。This link is for you alone; do not forward it.',
    ].join('\n'),
    data: { url },
  };
}

export function codeMessage(
  to: Person,
  agreement: AgreementTitle,
  code: string,
  minutes: number,
): OutgoingMessage {
  return {
    kind: 'signing-code',
    to,
    subject: `签署验证码 ${code} / Signing code ${code}`,
    text: [
      `您签署《${agreement.titleZh}》的验证码是 ${code}，${minutes} 分钟内有效。`,
      `Your code to sign "${title(agreement)}" is ${code}. It is valid for ${minutes} minutes.`,
      '如非本人操作，请忽略。If you did not ask for it, ignore this message.',
    ].join('\n'),
    data: { code },
  };
}

export function completedMessage(to: Person, agreement: AgreementTitle, url: string): OutgoingMessage {
  return {
    kind: 'signing-completed',
    to,
    subject: `已完成签署：${agreement.titleZh} / Signed by all: ${agreement.titleEn ?? agreement.titleZh}`,
    text: [
      `《${agreement.titleZh}》已由各方签署并封存。可通过以下链接下载封存文件：`,
      url,
      `"${title(agreement)}" has been signed by every party and sealed. Download the sealed file at the link above.`,
    ].join('\n'),
    data: { url },
  };
}
