/** What a shop charges for shipping, in the minor units of `currency`. */
export interface ShippingRules {
  currency: string
  fee: number
  /** The books' total (after discounts) from which shipping is free. */
  freeFrom: number
}

/** How the shop prices carts, from the configuration. */
export interface PricingRules {
  /** 도서정가제 on KRW books: a store outside Korea switches it off. */
  isPriceLawOn: boolean
  /** Points earned as a share of the price paid per copy (0.05 = 5%), rounded down to the won. */
  pointRate: number
  shipping: ShippingRules
}

/** The settings of COLOPHON_PRICE_LAW, COLOPHON_POINT_RATE, COLOPHON_SHIPPING_FEE and COLOPHON_FREE_SHIPPING_FROM. */
export interface PricingConfig {
  COLOPHON_PRICE_LAW: 'on' | 'off'
  COLOPHON_POINT_RATE: number
  COLOPHON_SHIPPING_FEE: number
  COLOPHON_FREE_SHIPPING_FROM: number
}

/** Pricing rules from the configuration; the fees are in won, so other currencies ship without one. */
export function pricingRules(config: PricingConfig): PricingRules {
  return {
    isPriceLawOn: config.COLOPHON_PRICE_LAW === 'on',
    pointRate: config.COLOPHON_POINT_RATE,
    shipping: { currency: 'KRW', fee: config.COLOPHON_SHIPPING_FEE, freeFrom: config.COLOPHON_FREE_SHIPPING_FROM },
  }
}

/** The defaults the configuration gives when nothing is set. */
export const DEFAULT_PRICING_RULES: PricingRules = pricingRules({
  COLOPHON_PRICE_LAW: 'on',
  COLOPHON_POINT_RATE: 0.05,
  COLOPHON_SHIPPING_FEE: 3000,
  COLOPHON_FREE_SHIPPING_FROM: 15000,
})
