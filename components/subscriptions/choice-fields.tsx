/** The topics and "how often" choices shared by the subscribe form and the subscription page. */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { SUBSCRIPTION_FREQUENCIES, type SubscriptionFrequency } from '@/db/subscription-frequencies';
import { FREQUENCY_LABELS } from '@/lib/subscriptions/choices';

export type TopicOption = { id: number; name: string };

type Props = {
  idPrefix: string;
  topics: TopicOption[];
  frequency: UseFormRegisterReturn;
  categoryIds: UseFormRegisterReturn;
  topicsError?: string;
  /** Also rendered into the HTML, so the form shows the right choices before (or without) JavaScript. */
  defaults: { frequency: SubscriptionFrequency; categoryIds: number[] };
};

export function ChoiceFields({ idPrefix, topics, frequency, categoryIds, topicsError, defaults }: Props) {
  const errorId = `${idPrefix}-topics-error`;
  return (
    <>
      {topics.length > 0 && (
        <fieldset className="choices" aria-describedby={topicsError ? errorId : undefined}>
          <legend>Topics</legend>
          <p className="field__hint">Tick none to get every post.</p>
          {topics.map((topic) => (
            <label key={topic.id} className="choice">
              <input type="checkbox" value={String(topic.id)} defaultChecked={defaults.categoryIds.includes(topic.id)} {...categoryIds} /> {topic.name}
            </label>
          ))}
          {topicsError && (
            <p id={errorId} className="field__error">
              {topicsError}
            </p>
          )}
        </fieldset>
      )}
      <fieldset className="choices">
        <legend>How often</legend>
        {SUBSCRIPTION_FREQUENCIES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} defaultChecked={defaults.frequency === value} {...frequency} /> {FREQUENCY_LABELS[value]}
          </label>
        ))}
      </fieldset>
    </>
  );
}
