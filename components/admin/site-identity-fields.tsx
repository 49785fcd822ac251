'use client';
/**
 * The settings form's "Site identity" part: the site icon and logo (uploaded through the image upload route,
 * kept as upload ids in hidden fields until Save), the time zone and the date format, each format shown
 * with an example so a volunteer can pick by eye.
 */
import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { DateFormat } from '@/db/schema-values';
import { formatDate } from '@/lib/format';
import type { SiteSettingsInput, SiteSettingsValues } from '@/lib/validations/site-settings';
import { ImageUpload } from './image-upload';

export type IdentityImage = { url: string; width: number; height: number } | null;

type Props = {
  form: UseFormReturn<SiteSettingsInput, unknown, SiteSettingsValues>;
  timeZones: string[];
  icon: IdentityImage;
  logo: IdentityImage;
};

const FORMATS: DateFormat[] = ['long', 'short', 'numeric', 'us'];
const FORMAT_NAMES: Record<DateFormat, string> = { long: 'Long', short: 'Short', numeric: 'Numbers', us: 'US' };
const EXAMPLE = '2026-11-26T12:00:00Z';

function ImageField({ form, name, label, hint, current }: { form: Props['form']; name: 'iconUploadId' | 'logoUploadId'; label: string; hint: string; current: IdentityImage }) {
  const [shown, setShown] = useState(current);
  const [id, setId] = useState(form.formState.defaultValues?.[name] ?? '');
  const error = form.formState.errors[name]?.message;
  // The hidden field posts the id; setValue tells the form's own checks.
  const set = (next: string, image: IdentityImage) => {
    form.setValue(name, next, { shouldDirty: true });
    setId(next);
    setShown(image);
  };
  return (
    <div className="identity-image">
      <input type="hidden" name={name} value={id} />
      <p className="field__hint">{hint}</p>
      {shown ? (
        <p className="identity-image__current">
          {/* Decorative: the label says what it is. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- uploads are stored as already-sized WebP copies with their width and height; Next's image optimizer is not used */}
          <img src={shown.url} width={shown.width} height={shown.height} alt="" />
          <button type="button" className="button--quiet" onClick={() => set('', null)}>
            Remove the {label.toLowerCase()}
          </button>
        </p>
      ) : (
        <p className="field__hint">None: {name === 'iconUploadId' ? 'Hearth’s own icon is used.' : 'the site’s name is shown.'}</p>
      )}
      <ImageUpload label={`Upload a ${label.toLowerCase()}`} onUploaded={(image) => set(String(image.id), image)} />
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}

export function SiteIdentityFields({ form, timeZones, icon, logo }: Props) {
  // Also written into the HTML (selected, checked), so a save without JavaScript keeps them.
  const { errors, defaultValues } = form.formState;
  const zoneError = errors.timeZone?.message;
  return (
    <>
      <h2>Site identity</h2>
      <ImageField
        form={form}
        name="iconUploadId"
        label="Site icon"
        hint="A square picture, at least 512 × 512 pixels (JPEG, PNG, WebP or GIF). Browsers and phones show it beside the site’s name."
        current={icon}
      />
      <ImageField form={form} name="logoUploadId" label="Logo" hint="Optional. Shown in the site’s header beside its name." current={logo} />
      <div className="field">
        <label htmlFor="field-timeZone">Time zone</label>
        <p id="field-timeZone-hint" className="field__hint">
          Every date on the site is shown in this zone, and daily and weekly emails go out at 08:00 here.
        </p>
        <select
          id="field-timeZone"
          aria-describedby={zoneError ? 'field-timeZone-hint field-timeZone-error' : 'field-timeZone-hint'}
          aria-invalid={zoneError ? true : undefined}
          defaultValue={defaultValues?.timeZone}
          {...form.register('timeZone')}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        {zoneError && (
          <p id="field-timeZone-error" className="field__error">
            {zoneError}
          </p>
        )}
      </div>
      <fieldset className="choices">
        <legend>Date format</legend>
        {FORMATS.map((format) => (
          <label key={format} className="choice">
            <input type="radio" value={format} defaultChecked={defaultValues?.dateFormat === format} {...form.register('dateFormat')} /> {FORMAT_NAMES[format]}:{' '}
            {formatDate(EXAMPLE, { timeZone: 'UTC', dateFormat: format })}
          </label>
        ))}
        {errors.dateFormat?.message && <p className="field__error">{errors.dateFormat.message}</p>}
      </fieldset>
    </>
  );
}
