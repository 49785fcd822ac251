// `npx tsx scripts/make-large-wxr.ts out.xml [--mb 100]`: a generated WordPress export of about that size,
// streamed to disk (never held in memory), for measuring the import's time and memory. It repeats the
// community-site fixture's posts, pages, attachments and comment threads with fresh ids and slugs.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { communitySite } from '../tests/fixtures/wordpress/community-site';
import { wxrFoot, wxrHead, wxrItem, type ItemSpec } from '../tests/fixtures/wordpress/make-wxr';

/** The n-th copy of a fixture item: ids, parents, slugs, links and comment ids moved out of the way. */
function copyOf(item: ItemSpec, n: number): ItemSpec {
  const shift = (id: string | undefined) => (id && id !== '0' ? String(Number(id) + n * 1000) : id);
  const slug = item.slug ? `${item.slug}-${n}` : item.slug;
  return {
    ...item,
    id: shift(item.id)!,
    parentId: shift(item.parentId),
    slug,
    title: `${item.title} (${n})`,
    link: item.link?.replace(item.slug ?? '', slug ?? ''),
    guid: item.type === 'attachment' ? item.guid : `https://old.example.org/?p=${shift(item.id)}`,
    meta: item.meta?._thumbnail_id ? { ...item.meta, _thumbnail_id: shift(item.meta._thumbnail_id)! } : item.meta,
    comments: item.comments?.map((c) => ({ ...c, id: shift(c.id)!, parentId: shift(c.parentId) })),
  };
}

async function main(out: string, megabytes: number): Promise<void> {
  const file = createWriteStream(out);
  const write = async (text: string) => {
    if (!file.write(text)) await once(file, 'drain');
  };
  let bytes = 0;
  await write(wxrHead(communitySite));
  for (let n = 1; bytes < megabytes * 1024 ** 2; n++) {
    for (const item of communitySite.items) {
      const text = wxrItem(copyOf(item, n));
      bytes += Buffer.byteLength(text);
      await write(text);
    }
  }
  file.end(wxrFoot());
  await once(file, 'finish');
  console.log(`Wrote ${out}: ${(bytes / 1024 ** 2).toFixed(1)} MB of items.`);
}

const [out, flag, value] = process.argv.slice(2);
const megabytes = flag === '--mb' ? Number(value) : 100;
if (!out || !(megabytes > 0)) {
  console.error('Usage: npx tsx scripts/make-large-wxr.ts out.xml [--mb 100]');
  process.exit(1);
}
main(out, megabytes).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
