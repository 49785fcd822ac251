/** The time zones the settings form offers: every IANA zone this server knows, UTC first, the current one always included. */
export function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC');
  if (current !== 'UTC' && !zones.includes(current)) zones.push(current);
  return ['UTC', ...zones.sort()];
}
