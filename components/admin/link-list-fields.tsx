'use client';
/** An ordered list of { label, url } links to add, move and remove: the community links and the support resources. */
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { TextField } from '@/components/ui/text-field';
import { MAX_LINKS, type LinkListName, type SiteSettingsInput, type SiteSettingsValues } from '@/lib/validations/site-settings';

type Props = {
  form: UseFormReturn<SiteSettingsInput, unknown, SiteSettingsValues>;
  name: LinkListName;
  legend: string;
  hint: string;
  /** What one row is called in labels and buttons: "Link", "Resource". */
  itemNoun: string;
};

export function LinkListFields({ form, name, legend, hint, itemNoun }: Props) {
  const { fields, append, move, remove } = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors[name];
  // The server reports a problem anywhere in the list on the list itself.
  const listError = errors?.message ?? errors?.root?.message;
  const noun = itemNoun.toLowerCase();
  return (
    <fieldset className="choices link-list">
      <legend>{legend}</legend>
      <p className="field__hint">{hint}</p>
      {fields.length === 0 ? (
        <p className="field__hint">None yet.</p>
      ) : (
        <ol className="link-list__rows">
          {fields.map((field, index) => (
            <li key={field.id} className="link-list__row">
              <TextField
                label={`${itemNoun} ${index + 1}: label`}
                maxLength={60}
                defaultValue={field.label}
                error={errors?.[index]?.label?.message}
                registration={form.register(`${name}.${index}.label`)}
              />
              <TextField
                label={`${itemNoun} ${index + 1}: web address`}
                inputMode="url"
                placeholder="https://"
                defaultValue={field.url}
                error={errors?.[index]?.url?.message}
                registration={form.register(`${name}.${index}.url`)}
              />
              <div className="link-list__buttons">
                <button type="button" className="button--quiet" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move ${noun} ${index + 1} up`}>
                  Up
                </button>
                <button type="button" className="button--quiet" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={`Move ${noun} ${index + 1} down`}>
                  Down
                </button>
                <button type="button" className="button--quiet" onClick={() => remove(index)} aria-label={`Remove ${noun} ${index + 1}`}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {listError && <p className="field__error">{listError}</p>}
      <button type="button" className="button--secondary" disabled={fields.length >= MAX_LINKS} onClick={() => append({ label: '', url: '' })}>
        Add {noun}
      </button>
    </fieldset>
  );
}
