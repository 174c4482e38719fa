import type { Template } from './template'

export const verifyEmail: Template<'verify-email'> = {
  required: ['name', 'link'],
  links: ['link'],
  render: ({ name, link }, lang) =>
    lang === 'ko'
      ? {
          subject: '[Colophon] 이메일 주소를 확인해 주세요',
          paragraphs: [`${name}님, Colophon에 가입해 주셔서 감사합니다.`, '아래 링크를 눌러 이메일 주소를 확인해 주세요. 가입하신 적이 없다면 이 메일은 무시하셔도 됩니다.'],
          action: { label: '이메일 주소 확인', href: link },
        }
      : {
          subject: '[Colophon] Please confirm your email address',
          paragraphs: [`Hello ${name}, thank you for joining Colophon.`, "Follow the link below to confirm your email address. If you did not sign up, you can ignore this mail."],
          action: { label: 'Confirm my email address', href: link },
        },
}
