// How a request is named to the tenant and to staff: short, stable, not its id.
export const requestReference = (requestId: string) => `R-${requestId.slice(-6).toUpperCase()}`;
