// Number formatting in nl-NL, with each formatter built once. `toLocaleString` with options builds
// a new Intl.NumberFormat on every call, which showed up in the search page's CPU profile (a
// distance and a price on every card). Shared by server and browser.
const wholeNumber = new Intl.NumberFormat("nl-NL");
const oneDecimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
const noDecimals = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const euros = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });

/** "12.345" */
export const formatNumber = (n: number) => wholeNumber.format(n);
/** "3,5" (at most one decimal) or "12" (none). */
export const formatDecimal = (n: number, decimals: 0 | 1) => (decimals === 1 ? oneDecimal : noDecimals).format(n);
/** "€ 3,00" */
export const formatEuros = (amount: number) => euros.format(amount);
