/** Field shapes several form schemas share. */
import { z } from 'zod';

/** A checkbox arrives as true/false from the browser form and as "on"/absent from a plain form post. */
export const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());
