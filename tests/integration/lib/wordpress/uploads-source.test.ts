/**
 * Reading a WordPress uploads copy from a real folder and real .zip files: the uploads root found wherever
 * it sits, a missing file is null, and nothing outside uploads is ever read (hostile archives refused
 * whole, "../" paths refused, a folder's symlink to the outside refused).
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openUploads } from '@/lib/wordpress/uploads-source';
import { WxrError, type UploadsSource } from '@/lib/wordpress/wxr-types';
import { MISSING_UPLOAD, PRESENT_UPLOADS } from '../../../fixtures/wordpress/community-site';
import { uploadImages, writeUploadsFolder, writeUploadsZip, type UploadsLayout } from '../../../fixtures/wordpress/uploads';
import { writeZip, type ZipEntrySpec } from '../../../fixtures/wordpress/zip-writer';

let dir: string;
let images: Map<string, Buffer>;
let n = 0;
const fresh = () => join(dir, `case-${++n}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wp-uploads-'));
  images = await uploadImages();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectAllImages(source: UploadsSource) {
  try {
    for (const path of PRESENT_UPLOADS) expect(await source.read(path)).toEqual(images.get(path));
    expect(await source.read(`/${PRESENT_UPLOADS[0]}`)).toEqual(images.get(PRESENT_UPLOADS[0]));
    expect(await source.read(MISSING_UPLOAD)).toBeNull();
    expect(await source.read('2024/05')).toBeNull();
    await expect(source.read('../wp-config.php')).rejects.toThrow(/not a path inside the uploads folder/);
    await expect(source.read('2024/../../secret.txt')).rejects.toThrow(WxrError);
  } finally {
    await source.close();
  }
}

const layouts: UploadsLayout[] = ['wp-content/uploads/', 'uploads/', ''];

describe.each(layouts)('with the uploads root at "%s"', (layout) => {
  it('reads a folder', async () => {
    const root = fresh();
    await writeUploadsFolder(root, layout);
    await writeFile(join(root, 'wp-config.php'), 'secret');
    await expectAllImages(await openUploads(root));
  });

  it('reads a zip', async () => {
    const zip = `${fresh()}.zip`;
    await writeUploadsZip(zip, layout);
    await expectAllImages(await openUploads(zip));
  });
});

it('finds the uploads root nested inside a backup folder of the zip, beside other files', async () => {
  const zip = `${fresh()}.zip`;
  await writeZip(zip, [
    { name: 'backup-2024/wp-config.php', data: Buffer.from('secret') },
    { name: 'backup-2024/wp-content/', data: Buffer.alloc(0) },
    ...[...images].map(([path, data]) => ({ name: `backup-2024/wp-content/uploads/${path}`, data, deflate: false })),
  ]);
  await expectAllImages(await openUploads(zip));
});

describe('hostile archives are refused whole', () => {
  const good: ZipEntrySpec = { name: 'uploads/2024/05/garden.jpg', data: Buffer.from('jpeg') };
  const refusedZip = async (entries: ZipEntrySpec[], reason: RegExp) => {
    const zip = `${fresh()}.zip`;
    await writeZip(zip, entries);
    const error = await openUploads(zip).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WxrError);
    expect((error as Error).message).toMatch(/^The uploads archive is refused: /);
    expect((error as Error).message).toMatch(reason);
  };

  it('a "../" entry', () => refusedZip([good, { name: 'uploads/../../evil.jpg', data: Buffer.from('x') }], /relative path/));
  it('an absolute path', () => refusedZip([good, { name: '/etc/evil.jpg', data: Buffer.from('x') }], /absolute path/));
  it('a symbolic link', () => refusedZip([good, { name: 'uploads/2024/05/link.jpg', data: Buffer.from('/etc/passwd'), mode: 0o120777 }], /"uploads\/2024\/05\/link.jpg" is a symbolic link/));
  it('files declared larger than 4 GB in all', () =>
    refusedZip(
      [0, 1].map((i) => ({ name: `uploads/big-${i}.jpg`, data: Buffer.from('x'), declaredSize: 0xffff_fff0 - i })),
      /more than 4 GB/,
    ));
  it('a file that is not a zip', async () => {
    const path = `${fresh()}.zip`;
    await writeFile(path, 'not a zip at all');
    await expect(openUploads(path)).rejects.toThrow(/^The uploads archive is refused: /);
  });

  it('an entry that inflates past its declared size is refused when read', async () => {
    const zip = `${fresh()}.zip`;
    await writeZip(zip, [good, { name: 'uploads/2024/05/bomb.jpg', data: Buffer.alloc(1024 * 1024), declaredSize: 100 }]);
    const source = await openUploads(zip);
    try {
      expect(await source.read('2024/05/garden.jpg')).toEqual(Buffer.from('jpeg'));
      await expect(source.read('2024/05/bomb.jpg')).rejects.toThrow(/^The uploads archive is refused: "uploads\/2024\/05\/bomb.jpg" cannot be read: too many bytes/);
    } finally {
      await source.close();
    }
  });
});

describe('symbolic links in a folder', () => {
  it('refuses a link pointing outside the uploads folder, follows one that stays inside', async () => {
    const root = fresh();
    await writeUploadsFolder(root);
    await mkdir(join(root, 'outside'));
    await writeFile(join(root, 'outside', 'secret.txt'), 'secret');
    const uploads = join(root, 'wp-content', 'uploads');
    await symlink(join(root, 'outside', 'secret.txt'), join(uploads, '2024', 'secret.jpg'));
    await symlink(join(root, 'outside'), join(uploads, '2025'));
    await symlink(join(uploads, '2024', '05', 'garden.jpg'), join(uploads, '2024', 'alias.jpg'));
    const source = await openUploads(root);
    try {
      await expect(source.read('2024/secret.jpg')).rejects.toThrow(/is a link to a file outside it/);
      await expect(source.read('2025/secret.txt')).rejects.toThrow(/is a link to a file outside it/);
      expect(await source.read('2024/alias.jpg')).toEqual(images.get('2024/05/garden.jpg'));
    } finally {
      await source.close();
    }
  });

  it('does not take an uploads folder that links outside as the root', async () => {
    const root = fresh();
    const elsewhere = fresh();
    await writeUploadsFolder(elsewhere, '');
    await mkdir(join(root, 'wp-content'), { recursive: true });
    await symlink(elsewhere, join(root, 'wp-content', 'uploads'));
    const source = await openUploads(root);
    try {
      expect(await source.read('2024/05/garden.jpg')).toBeNull();
    } finally {
      await source.close();
    }
  });
});
