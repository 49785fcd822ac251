/**
 * Original demo content for Hearth, written for this project.
 *
 * Everything here is placeholder community content: the authors are invented
 * pseudonymous volunteers, and all community links point at example.org /
 * example.com. Research posts cite real, checkable papers in a final
 * "References" section. Nothing in this file is medical advice.
 *
 * This index holds what the seed needs besides the prose; each post's and page's body is a
 * Markdown file beside it (posts/<slug>.md, pages/<slug>.md), read when the seed runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type SeedAuthor = { slug: string; displayName: string; email: string; bio: string; role: 'admin' | 'author' };
export type SeedCategory = { slug: string; name: string; description: string };
export type SeedPost = {
  slug: string;
  title: string;
  excerpt: string;
  category: string;
  tags: string[];
  author: string;
  status: 'published' | 'draft' | 'scheduled';
  publishedAt: string;
  updatedAt?: string;
  body: string;
};
export type SeedPage = { slug: string; title: string; body: string; navOrder: number };
type WithoutBody<T> = Omit<T, 'body'>;
export type SeedSettings = { name: string; tagline: string; about: string; communityLinks: { label: string; url: string }[] };

export const seedSettings: SeedSettings = {
  name: 'Hearth',
  tagline: 'A warm place to sit down, catch your breath, and be understood.',
  about:
    'Hearth is a volunteer-run community blog for people living with fibromyalgia and autoimmune conditions, and for the people who love them. ' +
    'We share plain-language research summaries, everyday strategies that helped some of us, and first-person stories. ' +
    'Nothing here replaces care from your own clinician; it is simply company for the road.',
  communityLinks: [
    { label: 'Community chat group', url: 'https://example.org/hearth/chat' },
    { label: 'Partner blog: Slow Mornings', url: 'https://example.com/slow-mornings' },
    { label: 'Monthly online meetup', url: 'https://example.org/hearth/meetup' },
    { label: 'Hearth shop', url: 'https://example.com/hearth-shop' },
  ],
};

export const seedAuthors: SeedAuthor[] = [
  {
    slug: 'wren-hollis',
    displayName: 'Wren Hollis',
    email: 'wren@example.org',
    bio: 'Founding volunteer editor. Has lived with fibromyalgia for over a decade, keeps the archive tidy, and believes every good conversation starts with a cup of tea.',
    role: 'admin',
  },
  {
    slug: 'juniper-lane',
    displayName: 'Juniper Lane',
    email: 'juniper@example.org',
    bio: 'Former librarian with an autoimmune thyroid condition and fibromyalgia. Reads the studies so the rest of us can save our spoons, and gardens sitting down.',
    role: 'author',
  },
  {
    slug: 'teo-varga',
    displayName: 'Teo Varga',
    email: 'teo@example.org',
    bio: 'Part-time bookkeeper living with rheumatoid arthritis and widespread pain. Writes about work, sleep, and the small routines that make a week manageable.',
    role: 'author',
  },
];

export const seedCategories: SeedCategory[] = [
  {
    slug: 'research-news',
    name: 'Research News',
    description: 'Plain-language summaries of studies and guidelines, always with links back to the original sources.',
  },
  {
    slug: 'living-well',
    name: 'Living Well',
    description: 'Everyday strategies members have found useful for pacing, rest, work, and getting through the hard days.',
  },
  {
    slug: 'community-stories',
    name: 'Community Stories',
    description: 'First-person stories from members about life with chronic illness, told in their own words.',
  },
];

const postEntries: WithoutBody<SeedPost>[] = [
  // ---------------------------------------------------------------- January
  {
    slug: 'pacing-with-an-energy-budget',
    title: 'Pacing with an energy budget',
    excerpt: 'A simple way to plan a week around the energy you actually have, not the energy you wish you had, with a sample planning table you can adapt.',
    category: 'living-well',
    tags: ['Pacing', 'Fatigue', 'Flares'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-01-12T09:00:00Z',
    updatedAt: '2026-02-03T14:30:00Z',
  },
  {
    slug: 'the-year-i-stopped-apologising',
    title: 'The year I stopped apologising',
    excerpt: 'Juniper on the small word she used dozens of times a day, what happened when she swapped it for "thank you", and why it was harder than it sounds.',
    category: 'community-stories',
    tags: ['Self-advocacy', 'Relationships', 'Community'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-01-26T10:00:00Z',
  },

  // --------------------------------------------------------------- February
  {
    slug: 'understanding-the-fibromyalgia-diagnostic-criteria',
    title: 'Understanding the fibromyalgia diagnostic criteria',
    excerpt: 'How the criteria clinicians use to diagnose fibromyalgia have changed since 1990, what the 2010 and 2016 versions measure, and what that might mean when you sit down with your doctor.',
    category: 'research-news',
    tags: ['Diagnosis', 'Guidelines', 'Research literacy'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-02-09T09:00:00Z',
  },
  {
    slug: 'a-gentler-evening-wind-down',
    title: 'A gentler evening wind-down',
    excerpt: 'Unrefreshing sleep is one of the most common things members mention. Teo shares the evening routine he has pieced together, and the parts he dropped.',
    category: 'living-well',
    tags: ['Sleep', 'Fatigue', 'Pacing', 'Flares'],
    author: 'teo-varga',
    status: 'published',
    publishedAt: '2026-02-23T19:00:00Z',
  },

  // ------------------------------------------------------------------ March
  {
    slug: 'what-the-eular-recommendations-say',
    title: 'What the EULAR recommendations actually say',
    excerpt:
      'A plain-language walk through the European recommendations for managing fibromyalgia: the step-by-step approach, the role of exercise, and why shared decision-making sits at the centre.',
    category: 'research-news',
    tags: ['Guidelines', 'Exercise', 'Research literacy'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-03-09T09:00:00Z',
  },
  {
    slug: 'notes-from-our-first-online-meetup',
    title: 'Notes from our first online meetup',
    excerpt: 'Fourteen of us, one wobbly video link, and a surprising amount of laughter. Wren shares what we talked about and what we will change next time.',
    category: 'community-stories',
    tags: ['Community', 'Pacing', 'Brain fog'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-03-23T18:00:00Z',
  },

  // ------------------------------------------------------------------ April
  {
    slug: 'exercise-research-in-plain-language',
    title: 'Exercise research in plain language',
    excerpt: 'What the Cochrane reviews on aerobic and resistance exercise for fibromyalgia found, how certain they are, and why "start low and go slow" keeps coming up.',
    category: 'research-news',
    tags: ['Exercise', 'Research literacy', 'Pacing'],
    author: 'teo-varga',
    status: 'published',
    publishedAt: '2026-04-14T09:00:00Z',
  },

  // -------------------------------------------------------------------- May
  {
    slug: 'brain-fog-workarounds',
    title: 'Brain fog workarounds that members swear by',
    excerpt: 'Lost words, forgotten kettles, and appointments that vanish from memory. A collection of small, practical workarounds gathered from the community.',
    category: 'living-well',
    tags: ['Brain fog', 'Work', 'Fatigue'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-05-11T09:00:00Z',
  },
  {
    slug: 'autoimmune-conditions-and-fibromyalgia-together',
    title: 'Living with an autoimmune condition and fibromyalgia together',
    excerpt: 'Many of us have more than one diagnosis. What the research says about fibromyalgia alongside other conditions, and why it can help to track symptoms separately.',
    category: 'research-news',
    tags: ['Autoimmune', 'Diagnosis', 'Self-advocacy'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-05-27T09:00:00Z',
  },

  // ------------------------------------------------------------------- June
  {
    slug: 'my-partner-and-the-spoon-jar',
    title: 'My partner and the spoon jar',
    excerpt: 'Teo on the kitchen jar of wooden spoons that helped him and his partner talk about energy without arguing about it.',
    category: 'community-stories',
    tags: ['Relationships', 'Pacing', 'Fatigue', 'Autoimmune'],
    author: 'teo-varga',
    status: 'published',
    publishedAt: '2026-06-15T17:00:00Z',
  },
  {
    slug: 'what-researchers-mean-by-centralised-pain',
    title: 'What researchers mean by "centralised pain"',
    excerpt: 'A plain-language explainer of central sensitisation, the idea researchers use to describe how pain processing can change in fibromyalgia, and what it does and does not imply.',
    category: 'research-news',
    tags: ['Research literacy', 'Diagnosis', 'Sleep', 'Autoimmune'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-06-29T09:00:00Z',
    updatedAt: '2026-07-06T11:15:00Z',
  },

  // ------------------------------------------------------------------- July
  {
    slug: 'talking-to-your-employer-about-flexible-work',
    title: 'Talking to your employer about flexible work',
    excerpt: 'Preparing for a conversation with your manager about adjustments: what some members asked for, how they framed it, and what they wish they had known.',
    category: 'living-well',
    tags: ['Work', 'Self-advocacy', 'Pacing'],
    author: 'teo-varga',
    status: 'published',
    publishedAt: '2026-07-20T09:00:00Z',
  },

  // ----------------------------------------------------------------- August
  {
    slug: 'how-to-read-a-health-study',
    title: 'How to read a health study without a science degree',
    excerpt: 'Headlines promise breakthroughs every week. A short, friendly guide to the questions worth asking before you get your hopes up, using real fibromyalgia research as examples.',
    category: 'research-news',
    tags: ['Research literacy', 'Guidelines', 'Exercise'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-08-17T09:00:00Z',
    updatedAt: '2026-08-24T16:45:00Z',
  },

  // -------------------------------------------------------------- September
  {
    slug: 'preparing-for-a-clinic-appointment',
    title: 'Preparing for a clinic appointment',
    excerpt: 'Appointments are short and brain fog is real. A checklist members use to get the most out of the time, and a few phrases that help when you feel rushed.',
    category: 'living-well',
    tags: ['Self-advocacy', 'Brain fog', 'Diagnosis'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-09-14T09:00:00Z',
  },
  {
    slug: 'finding-my-people-after-diagnosis',
    title: 'Finding my people after diagnosis',
    excerpt: 'A member on the lonely months after her diagnosis, the online group that changed things, and what she now tries to offer newcomers.',
    category: 'community-stories',
    tags: ['Community', 'Diagnosis', 'Relationships'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-09-28T10:00:00Z',
  },

  // ---------------------------------------------------------------- October
  {
    slug: 'gardening-from-a-stool',
    title: 'Gardening from a stool',
    excerpt: 'Juniper on giving up the garden, getting it back in a smaller shape, and the humble three-legged stool that made it possible.',
    category: 'community-stories',
    tags: ['Pacing', 'Exercise', 'Community'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-10-12T09:00:00Z',
  },
  {
    slug: 'questions-for-the-hearth-team-october',
    title: 'Your questions for the Hearth team, answered',
    excerpt: 'Who writes the posts, how we choose research to cover, why there are no adverts, and how to suggest a topic. Answers to the questions we get asked most.',
    category: 'community-stories',
    tags: ['Community', 'Research literacy'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-10-26T09:00:00Z',
  },

  // --------------------------------------------------------- Draft/scheduled
  {
    slug: 'draft-notes-on-winter-flares',
    title: 'Notes on winter flares (draft)',
    excerpt: 'Work in progress: what members say about the colder months, from layering and warmth to planning lighter weeks around the holidays.',
    category: 'living-well',
    tags: ['Flares', 'Winter', 'Pacing'],
    author: 'teo-varga',
    status: 'draft',
    publishedAt: '2026-11-02T09:00:00Z',
  },
  {
    slug: 'scheduled-spring-gathering',
    title: 'Save the date: our spring gathering',
    excerpt: 'Hearth is planning a small, accessible spring gathering, both in person and online. Here is what we know so far and how we are designing it around our bodies.',
    category: 'community-stories',
    tags: ['Community', 'Pacing'],
    author: 'wren-hollis',
    status: 'scheduled',
    publishedAt: '2027-03-01T09:00:00Z',
  },
];

const pageEntries: WithoutBody<SeedPage>[] = [
  {
    slug: 'about',
    title: 'About Hearth',
    navOrder: 1,
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    navOrder: 2,
  },
  {
    slug: 'medical-disclaimer',
    title: 'Medical disclaimer',
    navOrder: 3,
  },
];

/** Shown to someone who reports a comment. Real, long-standing services; volunteers adapt the list to their community. */
export const seedSupportResources: { label: string; url: string }[] = [
  { label: 'Samaritans (UK and Ireland): call 116 123, any time', url: 'https://www.samaritans.org' },
  { label: '988 Suicide & Crisis Lifeline (US): call or text 988', url: 'https://988lifeline.org' },
  { label: 'Find a helpline in your country', url: 'https://findahelpline.com' },
];

/**
 * The prose lives in Markdown files resolved from the working directory: the app, `npm run db:seed` and the
 * tests all run from the project folder, and a path from `__dirname` would point into Next's build output.
 * Each file ends with one newline that is not part of the body.
 */
function readBody(folder: 'posts' | 'pages', slug: string): string {
  const text = readFileSync(path.join(process.cwd(), 'db', 'seed-content', folder, `${slug}.md`), 'utf8');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** The demo posts, oldest first, with their bodies read from posts/<slug>.md. */
export function readSeedPosts(): SeedPost[] {
  return postEntries.map((post) => ({ ...post, body: readBody('posts', post.slug) }));
}

/** The demo pages with their bodies read from pages/<slug>.md. */
export function readSeedPages(): SeedPage[] {
  return pageEntries.map((page) => ({ ...page, body: readBody('pages', page.slug) }));
}
