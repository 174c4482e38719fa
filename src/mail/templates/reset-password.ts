import type { Template } from './template'

export const resetPassword: Template<'reset-password'> = {
  required: ['name', 'link', 'minutes'],
  links: ['link'],
  render: ({ name, link, minutes }, lang) =>
    lang === 'ko'
      ? {
          subject: '[Colophon] 비밀번호 재설정 안내',
          paragraphs: [`${name}님, 비밀번호 재설정을 요청하셨습니다.`, `아래 링크는 ${minutes}분 동안 한 번만 쓸 수 있습니다. 요청하신 적이 없다면 이 메일은 무시하셔도 되며, 비밀번호는 바뀌지 않습니다.`],
          action: { label: '비밀번호 재설정', href: link },
        }
      : {
          subject: '[Colophon] Reset your password',
          paragraphs: [`Hello ${name}, someone asked to reset your password.`, `The link below works once, for ${minutes} minutes. If it was not you, ignore this mail: your password stays as it is.`],
          action: { label: 'Choose a new password', href: link },
        },
}
