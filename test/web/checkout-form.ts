/** A complete, valid checkout form to a Korean address, paid by bank transfer. */
export const koreanAddress = (key: string) => ({
  buyerName: '김독자',
  buyerPhone: '01012345678',
  buyerEmail: 'reader@example.kr',
  recipientName: '김독자',
  recipientPhone: '010 1234 5678',
  postalCode: '06236',
  address: '서울특별시 강남구 테헤란로 152',
  addressDetail: '12층',
  deliveryNote: '경비실에 맡겨 주세요',
  paymentMethod: 'bank_transfer',
  depositorName: '',
  pointsToSpend: '',
  idempotencyKey: key,
})

/** The one-time key a rendered checkout form carries. */
export const keyOf = (page: string) => /name="idempotencyKey" value="([\w-]+)"/.exec(page)![1]!
