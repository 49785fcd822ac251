/** When a version or working copy was saved, as the editor's notices and revision list say it. */
import { formatDate } from '@/lib/format';

export const savedWhen = (at: Date): string => `${formatDate(at.toISOString())}, ${at.toISOString().slice(11, 16)} UTC`;
