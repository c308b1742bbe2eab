import "server-only";
// A list's address-bar form of its filters, sort and page, with every value that is the
// default left out, so the links for sorting, paging, saving and exporting all describe
// the same list in the same words.
export function addressQuery(
  values: Record<string, string | number | undefined>,
  defaults: Record<string, unknown>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value && value !== defaults[key]) params.set(key, String(value));
  return params.toString();
}
