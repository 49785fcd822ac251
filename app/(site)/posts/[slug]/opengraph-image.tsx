import { ImageResponse } from 'next/og';
import sharp from 'sharp';
import { readPost, readSite } from '@/lib/reader-data';
import { readStoredUpload } from '@/lib/uploads';

// The picture link previews show for a post: its cover when it has one (cropped to the share size, with the
// cover's own description), otherwise a card with its title and the site's name, in the site's colours.
// The cover's stored name is part of the image's id, so a new cover gets a new address and no stale copy.
export const size = { width: 1200, height: 630 };
export const generateStaticParams = async () => [];

const CARD = { id: 'card', alt: 'The post title and the site name', size, contentType: 'image/png' };
const coverId = (url: string) => `cover-${url.replace(/^\/media\/|\.webp$/g, '')}`;

export async function generateImageMetadata({ params }: { params: { slug: string } }) {
  const post = await readPost(params.slug); // generateImageMetadata still gets plain params in Next 16 (the image function gets promises)
  return [post?.cover ? { id: coverId(post.cover.url), alt: post.cover.alt, size, contentType: 'image/jpeg' } : CARD];
}

async function coverImage(id: string): Promise<Response | null> {
  const stored = id.startsWith('cover-') ? await readStoredUpload(`${id.slice('cover-'.length)}.webp`) : null;
  if (!stored) return null;
  const jpeg = await sharp(stored.data).resize(size.width, size.height, { fit: 'cover', position: 'attention' }).flatten({ background: '#fbf7f2' }).jpeg({ quality: 82 }).toBuffer();
  return new Response(new Uint8Array(jpeg), { headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'public, max-age=3600' } });
}

export default async function PostImage({ params, id }: { params: Promise<{ slug: string }>; id: Promise<string> }) {
  const cover = await coverImage(await id);
  if (cover) return cover;
  const [post, site] = await Promise.all([readPost((await params).slug), readSite()]);
  const title = post?.title ?? site.name;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 72,
        background: '#fbf7f2',
        color: '#1f1a17',
        borderLeft: '24px solid #9a3d12',
      }}
    >
      <div style={{ fontSize: 32, color: '#9a3d12' }}>{post?.category?.name ?? ''}</div>
      <div style={{ fontSize: title.length > 60 ? 60 : 76, lineHeight: 1.15, fontWeight: 700 }}>{title}</div>
      <div style={{ fontSize: 36, color: '#5b504a' }}>{site.name}</div>
    </div>,
    size,
  );
}
