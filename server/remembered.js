// @ts-check
/**
 * A pure function of one string with its answers remembered: real traffic repeats a few pages, referring
 * sites and browsers, so the hot path costs a Map lookup instead of regular expressions. Forgets
 * everything once `max` answers are kept, so odd inputs cannot grow it without end.
 * @template T @param {(input: string) => T} answer @param {number} [max] @returns {(input: string) => T}
 */
function remembered(answer, max = 1000) {
  const answers = new Map();
  return (input) => {
    if (answers.has(input)) return answers.get(input);
    if (answers.size >= max) answers.clear();
    const value = answer(input);
    answers.set(input, value);
    return value;
  };
}

module.exports = { remembered };
