/**
 * Reading preferences (text size, line spacing, theme, a high-readability font, reduced motion),
 * kept in this browser and applied to <html> as data attributes before the first paint.
 */
export const READING_STORAGE_KEY = 'hearth:reading';

export const READING_OPTIONS = {
  textSize: [
    ['1', 'Smaller'],
    ['2', 'Standard'],
    ['3', 'Larger'],
    ['4', 'Largest'],
  ],
  spacing: [
    ['normal', 'Standard'],
    ['relaxed', 'More space between lines'],
  ],
  theme: [
    ['system', 'Same as my device'],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ],
  font: [
    ['standard', 'Standard'],
    ['readable', 'Atkinson Hyperlegible (designed for low vision)'],
  ],
  motion: [
    ['system', 'Same as my device'],
    ['reduce', 'Reduce motion'],
  ],
} as const;

export type ReadingPreference = keyof typeof READING_OPTIONS;
export type ReadingPreferences = Partial<Record<ReadingPreference, string>>;

const allowed = Object.fromEntries(Object.entries(READING_OPTIONS).map(([key, options]) => [key, options.map(([value]) => value)]));

/** Inline in <head>: applies saved choices before anything is painted, so nothing flashes. */
export const READING_BOOT_SCRIPT = `(function(){try{var a=${JSON.stringify(allowed)},p=JSON.parse(localStorage.getItem(${JSON.stringify(READING_STORAGE_KEY)})||'{}'),d=document.documentElement;for(var k in a){if(a[k].indexOf(p[k])>=0)d.dataset[k]=p[k]}}catch(e){}})();`;
