import { ImageResponse } from 'next/og';
import { readPost, readSite } from '@/lib/reader-data';

// The picture link previews show for a post: its title and the site's name, in the site's colours.
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'The post title and the site name';
export const generateStaticParams = async () => [];

export default async function PostImage({ params }: { params: Promise<{ slug: string }> }) {
  const [post, site] = await Promise.all([readPost((await params).slug), readSite()]);
  const title = post?.title ?? site.name;
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 72, background: '#fbf7f2', color: '#1f1a17', borderLeft: '24px solid #9a3d12' }}>
        <div style={{ fontSize: 32, color: '#9a3d12' }}>{post?.category?.name ?? ''}</div>
        <div style={{ fontSize: title.length > 60 ? 60 : 76, lineHeight: 1.15, fontWeight: 700 }}>{title}</div>
        <div style={{ fontSize: 36, color: '#5b504a' }}>{site.name}</div>
      </div>
    ),
    size,
  );
}
