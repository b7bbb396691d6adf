import type { AgreementPdfInput } from './agreement-pdf.ts';

/** A three-party agreement used by the signing tests and scripts. */
export const sampleAgreement: AgreementPdfInput = {
  titleZh: '泉州市新能源产业战略合作协议',
  titleEn: 'Strategic Cooperation Agreement on New Energy Industry in Quanzhou',
  typeZh: '战略合作协议',
  typeEn: 'Strategic cooperation agreement',
  reference: 'QZ-2026-0012',
  parties: [
    { nameZh: '泉州市人民政府', nameEn: "Quanzhou Municipal People's Government", signers: ['王明'] },
    {
      nameZh: '宁德时代新能源科技股份有限公司',
      nameEn: 'Contemporary Amperex Technology Co., Limited',
      signers: ['李华'],
    },
    { nameZh: '晋江市人民政府', nameEn: "Jinjiang Municipal People's Government", signers: ['陈静'] },
  ],
  projects: [
    { nameZh: '动力电池生产基地项目', amountText: '120亿元' },
    { nameZh: '储能系统研发中心', amountText: '8.5亿元' },
  ],
  amountText: '128.5亿元',
  clauses: [
    {
      zh: '各方本着平等互利、优势互补、共同发展的原则，就新能源产业合作达成如下协议。',
      en: 'In the spirit of equality, mutual benefit and common development, the parties agree as follows on new energy cooperation.',
    },
  ],
};
