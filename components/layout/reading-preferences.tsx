'use client';
/** "Reading settings" on every page: changes apply at once and are remembered in this browser. */
import { useEffect, useState } from 'react';
import { READING_OPTIONS, READING_STORAGE_KEY, type ReadingPreference, type ReadingPreferences as Choices } from '@/lib/reading-preferences';

const LEGENDS: Record<ReadingPreference, string> = { textSize: 'Text size', spacing: 'Line spacing', theme: 'Colours', font: 'Font', motion: 'Motion' };
const DEFAULTS: Record<ReadingPreference, string> = { textSize: '2', spacing: 'normal', theme: 'system', font: 'standard', motion: 'system' };

export function ReadingPreferences() {
  const [choices, setChoices] = useState<Choices>({});
  useEffect(() => setChoices({ ...document.documentElement.dataset }), []);

  const choose = (key: ReadingPreference, value: string) => {
    const next = { ...choices, [key]: value };
    setChoices(next);
    document.documentElement.dataset[key] = value;
    try {
      window.localStorage.setItem(READING_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage switched off: the choice still applies to this page.
    }
  };

  return (
    <details className="reading-prefs">
      <summary>Reading settings</summary>
      <div className="reading-prefs__panel">
        {(Object.keys(READING_OPTIONS) as ReadingPreference[]).map((key) => (
          <fieldset key={key}>
            <legend>{LEGENDS[key]}</legend>
            {READING_OPTIONS[key].map(([value, label]) => (
              <label key={value} className="choice">
                <input type="radio" name={`reading-${key}`} value={value} checked={(choices[key] ?? DEFAULTS[key]) === value} onChange={() => choose(key, value)} /> {label}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
