// A zone as people name it: its city ("New York time"); abbreviations such as EST read
// differently from one locale to the next. No dependencies: the technician app uses it.
export function zoneName(zone: string): string {
  const city = zone.split("/").pop() ?? zone;
  return zone === "UTC" || zone === "Etc/UTC" ? "UTC" : `${city.replace(/_/g, " ")} time`;
}
