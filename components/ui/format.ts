const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

export const formatDateTime = (value: Date | null | undefined) => (value ? dateTime.format(value) : "—");
export const formatDate = (value: Date | null | undefined) => (value ? date.format(value) : "—");
export const formatMoney = (cents: number | null | undefined) => (cents == null ? "—" : money.format(cents / 100));
