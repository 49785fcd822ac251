/** Hearth's own icon (a flame on a warm tile), used until an admin uploads the site's: /favicon.ico is never a 404. */
export const DEFAULT_ICON_VERSION = 'hearth-1';

export const DEFAULT_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="96" fill="#9c3d1c"/>
  <path d="M256 76c22 70 120 122 120 236 0 76-54 124-120 124s-120-48-120-124c0-58 30-98 58-126 4 44 20 70 44 82-8-78 18-140 18-192z" fill="#fbf7f2"/>
  <path d="M256 276c14 34 52 54 52 98 0 32-22 52-52 52s-52-20-52-52c0-30 16-44 28-56 4 18 10 26 20 30-4-30 0-50 4-72z" fill="#e8a23a"/>
</svg>`;
