/**
 * Original demo content for Hearth, written for this project.
 *
 * Everything here is placeholder community content: the authors are invented
 * pseudonymous volunteers, and all community links point at example.org /
 * example.com. Research posts cite real, checkable papers in a final
 * "References" section. Nothing in this file is medical advice.
 */

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

export const seedPosts: SeedPost[] = [
  // ---------------------------------------------------------------- January
  {
    slug: 'pacing-with-an-energy-budget',
    title: 'Pacing with an energy budget',
    excerpt:
      'A simple way to plan a week around the energy you actually have, not the energy you wish you had, with a sample planning table you can adapt.',
    category: 'living-well',
    tags: ['Pacing', 'Fatigue', 'Flares'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-01-12T09:00:00Z',
    updatedAt: '2026-02-03T14:30:00Z',
    body: `Many of us know the pattern. A good day arrives, we finally do *everything* we have been putting off, and then we spend the next three days paying for it. Pacing is the name people give to the slow, slightly boring work of breaking that cycle.

This post describes what helped some of us. It is not a prescription, and if you are unsure what is safe for your body, please talk it over with your clinician or physiotherapist.

## What an energy budget is

An energy budget treats each day like a small allowance. Instead of asking "what needs doing?", you start by asking "what do I have to spend today?" and then decide where it goes.

Some members use points, some use the well-known spoon metaphor, and some just use *low*, *medium* and *high*. The unit matters much less than the habit of looking before you leap.

## Building your first week

### Step 1: notice your baseline

For a week or two, jot down what you did and how you felt the next day. You are looking for the amount of activity you can do on an ordinary day **without** a crash afterwards. That is your baseline, and it is usually lower than we would like to admit.

### Step 2: sort your tasks

Here is a sample planning table one of our members shared. The numbers are her own estimates; yours will be different.

| Task | Energy cost (1-5) | Can it be split? | Could someone help? |
| --- | :---: | --- | --- |
| Shower and dress | 2 | Sit to dry off, rest before dressing | No |
| Weekly food shop | 4 | Order online, collect later | Partner drives |
| Work video call | 3 | Camera off for part of it | No |
| Cooking dinner | 3 | Prep vegetables at lunchtime | Teenager stirs |
| Phone call with a friend | 1 | Already short | Not needed |
| Changing the bed | 4 | Pillowcases today, sheets tomorrow | Yes, ask |

### Step 3: leave a margin

Plan to use roughly three quarters of your allowance. The margin is not wasted. It is what absorbs the unexpected phone call, the bad night's sleep, or the bus that does not come.

## When the budget breaks

It will break, and that is not a failure. A few things members say help:

- Write down what happened without judging it. Patterns are easier to see on paper.
- Protect rest the next day instead of trying to "catch up".
- Keep one small, pleasant thing in the plan even on a flare day.

> "Pacing didn't give me more energy. It gave me fewer surprises, and that turned out to matter more."
> -- a Hearth member, shared with permission

## A note on good days

Good days are precious, and nobody wants to spend them being careful. Many of us have found it helps to choose *one* thing to enjoy fully on a good day, rather than ten things to finish. The rest of the list will still be there tomorrow.

*Edited in February to add the "Could someone help?" column, suggested by a reader.*`,
  },
  {
    slug: 'the-year-i-stopped-apologising',
    title: 'The year I stopped apologising',
    excerpt:
      'Juniper on the small word she used dozens of times a day, what happened when she swapped it for "thank you", and why it was harder than it sounds.',
    category: 'community-stories',
    tags: ['Self-advocacy', 'Relationships', 'Community'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-01-26T10:00:00Z',
    body: `I counted once. On an ordinary Tuesday I said "sorry" twenty-three times before dinner.

Sorry for needing the lift instead of the stairs. Sorry for cancelling coffee. Sorry for asking my colleague to repeat something because the words had slid straight through my foggy head. Sorry, to my own sister, for sitting down while she washed up.

None of those things were wrong. I was apologising for being ill, over and over, as if illness were a rudeness I kept committing.

## Where it came from

I think the habit started in the years before my diagnosis, when I did not have a name for what was happening and half suspected I was making it up. When you cannot explain yourself, apologising feels like the only polite option left.

Getting a diagnosis helped, but the habit had set like plaster.

## The swap

A friend from our chat group suggested something so small I almost dismissed it: replace "sorry" with "thank you" wherever it fits.

- "Sorry I'm late" became "Thank you for waiting."
- "Sorry I have to sit" became "Thanks for grabbing me a chair."
- "Sorry, I can't make it" became "Thank you for asking me. I can't this time, but please ask again."

It felt awkward for weeks. Some days I forgot entirely. But something shifted, slowly. The people around me stopped looking worried and started looking *pleased*, because I was no longer asking them to reassure me. I was just letting them be kind.

## What I still apologise for

I have not become someone who never says sorry. If I snap at someone because I am in pain, I apologise, because snapping is a thing I did. The difference is that I no longer apologise for the pain itself.

> Being ill is not a debt you owe to the people around you.

I wrote that on a sticky note and it lived on my fridge for most of the year.

## If you want to try it

Be gentle with yourself. This is not one more thing to get right. If you say sorry out of habit, nothing bad happens; you can simply notice it and carry on. And if your community, your family or your workplace makes you feel you *should* apologise for being unwell, that says more about them than it does about you.

I would love to hear how it goes for others. You can find me most evenings in the community chat, usually sitting down.`,
  },

  // --------------------------------------------------------------- February
  {
    slug: 'understanding-the-fibromyalgia-diagnostic-criteria',
    title: 'Understanding the fibromyalgia diagnostic criteria',
    excerpt:
      'How the criteria clinicians use to diagnose fibromyalgia have changed since 1990, what the 2010 and 2016 versions measure, and what that might mean when you sit down with your doctor.',
    category: 'research-news',
    tags: ['Diagnosis', 'Guidelines', 'Research literacy'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-02-09T09:00:00Z',
    body: `If you were diagnosed a long time ago, you may remember someone pressing on specific spots on your body and counting how many hurt. If you were diagnosed more recently, you may instead have filled in a questionnaire about where you hurt and how tired, foggy and unrested you feel. Both experiences are real. The criteria changed.

This post is a plain-language tour of those changes. It is for background only; a diagnosis is something to work out with your own clinician.

## The 1990 tender points

The older approach relied on a physical examination of 18 "tender point" sites, together with a history of widespread pain. Over time, many clinicians and researchers felt the tender point exam was awkward in everyday practice and left out symptoms many of us would call central to the condition, such as fatigue, poor sleep and thinking problems.

## The 2010 preliminary criteria

In 2010 a group led by Frederick Wolfe published preliminary diagnostic criteria that **did not require a tender point examination**[^1]. Instead they introduced two measures:

- a **widespread pain index**, which counts how many body regions have been painful recently, and
- a **symptom severity scale**, which captures fatigue, waking unrefreshed, cognitive symptoms and other somatic symptoms.

The idea was to reflect the whole picture of the condition rather than only its tenderness.

### Why that mattered to patients

For many people, it was the first time the official description included the exhaustion and brain fog they had been trying to describe for years.

## The 2016 revisions

Six years later the same research group reviewed how the criteria had performed and published a revision[^2]. Two changes stand out:

1. A **generalised pain** requirement was added, so that pain has to be present across several body regions. This was meant to reduce the chance of someone with a purely regional pain problem being misclassified.
2. The revision stated that a fibromyalgia diagnosis is valid **regardless of other diagnoses**. In other words, having another condition, such as an autoimmune disease, does not by itself rule fibromyalgia out.

That second point is close to home for many Hearth members, who live with more than one condition at once.

## A quick comparison

| | 1990 | 2010 | 2016 |
| --- | --- | --- | --- |
| Tender point exam | Required | Not required | Not required |
| Fatigue, sleep and cognition counted | No | Yes | Yes |
| Generalised pain requirement | Widespread pain | Via the pain index | Explicit |
| Other diagnoses rule it out? | Often treated that way | Guidance was unclear | No |

## What this might mean for you

A broader review of the condition notes that symptom-based prevalence estimates sit at around 2-4% of the general population, while the number of people who actually receive the diagnosis is much lower[^3]. Criteria are tools for clinicians and researchers, and they keep evolving. If you are unsure how they apply to you, it is entirely reasonable to ask your doctor which criteria they used and why.

[^1]: Wolfe et al., 2010. See References.
[^2]: Wolfe et al., 2016. See References.
[^3]: Häuser et al., 2015. See References.

## References

- Wolfe F, Clauw DJ, Fitzcharles MA, Goldenberg DL, Katz RS, Mease P, Russell AS, Russell IJ, Winfield JB, Yunus MB. The American College of Rheumatology preliminary diagnostic criteria for fibromyalgia and measurement of symptom severity. *Arthritis Care & Research*. 2010;62(5):600-610. [doi:10.1002/acr.20140](https://doi.org/10.1002/acr.20140)
- Wolfe F, Clauw DJ, Fitzcharles MA, Goldenberg DL, Häuser W, Katz RL, Mease PJ, Russell AS, Russell IJ, Walitt B. 2016 Revisions to the 2010/2011 fibromyalgia diagnostic criteria. *Seminars in Arthritis and Rheumatism*. 2016;46(3):319-329. [doi:10.1016/j.semarthrit.2016.08.012](https://doi.org/10.1016/j.semarthrit.2016.08.012)
- Häuser W, Ablin J, Fitzcharles MA, Littlejohn G, Luciano JV, Usui C, Walitt B. Fibromyalgia. *Nature Reviews Disease Primers*. 2015;1:15022. [doi:10.1038/nrdp.2015.22](https://doi.org/10.1038/nrdp.2015.22)`,
  },
  {
    slug: 'a-gentler-evening-wind-down',
    title: 'A gentler evening wind-down',
    excerpt:
      'Unrefreshing sleep is one of the most common things members mention. Teo shares the evening routine he has pieced together, and the parts he dropped.',
    category: 'living-well',
    tags: ['Sleep', 'Fatigue', 'Pacing', 'Flares'],
    author: 'teo-varga',
    status: 'published',
    publishedAt: '2026-02-23T19:00:00Z',
    body: `Ask a room of Hearth members what they would change first if they could, and a surprising number say the same thing: *I just want to wake up feeling rested.*

I am not a sleep expert, and sleep problems can have many causes that deserve a proper look from a clinician. What follows is simply the wind-down routine I have cobbled together over a few years, in case any of it sparks an idea.

## Start earlier than you think

For a long time my "routine" began at the moment I got into bed, already exhausted and wired at the same time. What changed things was moving the start to about ninety minutes before I wanted to be asleep.

That ninety minutes is not about doing more. It is about doing *less*, gradually.

## My current sequence

1. **Lights down.** I switch off the big ceiling light and use a lamp instead.
2. **Tomorrow on paper.** Two minutes writing tomorrow's three most important things, so my brain stops rehearsing them at 2 a.m.
3. **Warmth.** A warm shower or a heat pad on the worst spot. Many of us find warmth soothing, though what suits you may differ.
4. **Something slow.** A paper book, a familiar audiobook, or gentle stretching I have checked with my physio.
5. **Same time, most nights.** Not perfectly. Just most nights.

## What I dropped

Some things I tried and let go of, with no guilt:

- An elaborate twelve-step routine from a magazine. It used up the very energy it was meant to save.
- Forcing myself to stay in bed awake for hours. Getting up for a short, dull, low-light activity worked better for me.
- Tracking every night in detail. The numbers made me anxious, which did not help anyone sleep.

## When the pain wakes you

This is the part no routine fully fixes. On high-pain nights I keep a small "night kit" by the bed: water, a spare pillow for propping, an extra layer, and a short recording I like. It does not solve the pain, but it means I am not hunting around in the dark.

> Rest is still rest, even when it is not sleep.

If your sleep has changed suddenly, or you snore heavily, stop breathing at night, or have restless legs, please mention it to your doctor. Those are worth checking rather than simply putting up with.

I would love to hear what is on *your* night kit list. Drop a note in the community chat and I will gather the ideas into a follow-up post.`,
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
    body: `Guidelines can feel remote: long documents written by committees, in language that seems designed for other committees. But they shape what happens in clinics, so it is worth knowing roughly what they say.

This post looks at the revised recommendations from EULAR, the European alliance of rheumatology associations, published in 2017[^1]. It is a summary for background, not a treatment plan. Decisions about your care belong with you and your clinician.

## How the recommendations were made

A multidisciplinary group from twelve countries, which included patient representatives, reviewed systematic reviews and meta-analyses of both drug and non-drug approaches. They focused on outcomes that matter to daily life: **pain, fatigue, sleep and day-to-day functioning**.

They used a formal system for grading how strong each recommendation should be, based on the quality of the evidence behind it.

## The headline findings

### Exercise was the one "strong for" recommendation

Of all the therapies reviewed, exercise was the only one to receive a *strong* recommendation in favour. That finding is often quoted, and it is sometimes quoted unkindly, as if it meant "just go to the gym". The recommendations do not say that. The underlying research mostly looked at gradual, supervised, individually adjusted programmes.

### A graduated approach

The group described a stepwise approach, underpinned by shared decision-making:

1. Start with **education** about the condition and with non-drug approaches.
2. If that is not enough, tailor further options to the person's main difficulties, such as pain, sleep problems, or low mood and distress.
3. For people with severe disability, consider a **multimodal rehabilitation** programme.

### Education comes first

It is striking that understanding your own condition is treated as a starting point rather than an afterthought. An earlier clinical review made a similar point, listing education alongside exercise and cognitive behavioural therapy among approaches supported by good evidence[^2].

## What the recommendations do not say

- They do not say fibromyalgia is "all in the mind".
- They do not say one approach works for everyone.
- They do not replace an individual conversation about your priorities and your other conditions.

## Questions you might bring to an appointment

- Which of these approaches do you think fits my situation, and why?
- Is there a supervised or adapted activity programme near me?
- What should I watch for that would mean we change the plan?

> A guideline is a map, not the journey.

[^1]: Macfarlane et al., 2017. See References.
[^2]: Clauw, 2014. See References.

## References

- Macfarlane GJ, Kronisch C, Dean LE, Atzeni F, Häuser W, Fluß E, et al. EULAR revised recommendations for the management of fibromyalgia. *Annals of the Rheumatic Diseases*. 2017;76(2):318-328. [doi:10.1136/annrheumdis-2016-209724](https://doi.org/10.1136/annrheumdis-2016-209724)
- Clauw DJ. Fibromyalgia: a clinical review. *JAMA*. 2014;311(15):1547-1555. [doi:10.1001/jama.2014.3266](https://doi.org/10.1001/jama.2014.3266)`,
  },
  {
    slug: 'notes-from-our-first-online-meetup',
    title: 'Notes from our first online meetup',
    excerpt:
      'Fourteen of us, one wobbly video link, and a surprising amount of laughter. Wren shares what we talked about and what we will change next time.',
    category: 'community-stories',
    tags: ['Community', 'Pacing', 'Brain fog'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-03-23T18:00:00Z',
    body: `On a grey Sunday afternoon, fourteen of us logged in for Hearth's first online meetup. Some had cameras on, some had cameras off, and one person joined from bed under a very impressive pile of blankets. All of those were exactly right.

## How we set it up

We tried to design the meetup around the bodies that would be attending it:

- **One hour, not two.** We said at the start that leaving early was normal and needed no explanation.
- **Cameras optional.** Chat messages counted as full participation.
- **A written summary afterwards**, so nobody had to take notes or remember things through brain fog.
- **A short break** at the half-hour mark for stretching, tea, or lying flat.

## What we talked about

We began with a simple round: *name, where you are, and one thing that went okay this week.* Answers ranged from "I watered my plants" to "I finally got a referral letter". Every one of them got a small round of applause emojis.

Then the conversation found its own way, mostly to three topics.

### Explaining ourselves to other people

Several people described the tiredness of explaining, again and again, why they could manage something last week but not this week. One member said she had started describing her energy as "weather" rather than a fixed amount, and her family found that easier to understand.

### Finding a clinician who listens

Stories here were mixed. Some people had found real partners in their care; others were still searching. A few shared how they prepare for appointments, which has inspired a future post.

### The small joys

We ended, deliberately, on good things: audiobooks, a neighbour's cat, a garden bench, a new hot water bottle cover. It turns out a list of small joys is a very restful thing to hear.

## What we will change

> "I liked that nobody asked me to justify being there."

That comment came from our feedback form, and it is the thing we most want to protect. A few changes for next time:

1. Send the link a day early, with plain instructions.
2. Offer a daytime **and** an evening slot, as pain and fatigue keep different hours for different people.
3. Keep the group small enough that everyone who wants to speak can.

If you would like to join the next one, details will be posted in the community chat. Come as you are, lying down if you like.`,
  },

  // ------------------------------------------------------------------ April
  {
    slug: 'exercise-research-in-plain-language',
    title: 'Exercise research in plain language',
    excerpt:
      'What the Cochrane reviews on aerobic and resistance exercise for fibromyalgia found, how certain they are, and why "start low and go slow" keeps coming up.',
    category: 'research-news',
    tags: ['Exercise', 'Research literacy', 'Pacing'],
    author: 'teo-varga',
    status: 'published',
    publishedAt: '2026-04-14T09:00:00Z',
    body: `"Have you tried exercise?" may be the most frustrating question a person with fibromyalgia can hear, especially from someone who has never had a flare after walking to the post box. So it is worth looking at what the research actually says, and just as importantly, what it does **not** say.

As always, this is background reading. Please work out any change in activity with your clinician or a physiotherapist who knows your history.

## Where the evidence comes from

Cochrane reviews gather all the randomised trials on a question, assess how trustworthy they are, and pool the results where it makes sense. A series of Cochrane reviews by Julia Bidonde, Angela Busch and colleagues looked at different kinds of exercise for fibromyalgia, replacing an older combined review first published in 2002.

### Aerobic exercise

The 2017 review of aerobic exercise training, such as walking, cycling or dancing that raises the heart rate for a sustained period, found that it may improve quality of life, and may slightly improve pain and physical function, compared with control conditions[^1]. The authors rated the quality of this evidence as low to moderate, so the effects are modest and not certain.

### Resistance exercise

The 2013 review of resistance (strength) training found only **five** trials that met its criteria[^2]. The results pointed towards benefits for function, pain and strength, but the authors judged the evidence to be of low quality, so the picture may change as more research arrives.

### How the guidelines used this

The European recommendations drew on this body of work when they made exercise their one "strong for" recommendation[^3].

## The reviews at a glance

| Review | Type of exercise | What it compared | How sure can we be? |
| --- | --- | --- | --- |
| Busch et al., 2013 | Resistance training | Strength training versus control or other exercise | Low-quality evidence |
| Bidonde et al., 2017 | Aerobic training | Aerobic training versus control, other aerobic, or non-exercise options | Low to moderate quality |

## What the studies were really testing

Reading the methods sections, a few things stand out:

- Programmes were usually **gradual**, often starting at low intensity and building over weeks.
- Many were **supervised** or adjusted to the individual.
- People with other serious conditions were sometimes excluded, which matters for those of us with autoimmune diagnoses too.

That is a long way from "just go for a run".

## What helped some of us

Members who have found movement helpful tend to describe it modestly: five minutes of gentle walking, a chair-based routine, warm-water sessions. Most say the key was starting well below what they thought they could do, and treating a flare as information rather than failure.

> The research supports movement that fits you. It does not support pushing through.

[^1]: Bidonde et al., 2017. See References.
[^2]: Busch et al., 2013. See References.
[^3]: Macfarlane et al., 2017. See References.

## References

- Bidonde J, Busch AJ, Schachter CL, Overend TJ, Kim SY, Góes SM, Boden C, Foulds HJA. Aerobic exercise training for adults with fibromyalgia. *Cochrane Database of Systematic Reviews*. 2017;(6):CD012700. [doi:10.1002/14651858.CD012700](https://doi.org/10.1002/14651858.CD012700)
- Busch AJ, Webber SC, Richards RS, Bidonde J, Schachter CL, Schafer LA, et al. Resistance exercise training for fibromyalgia. *Cochrane Database of Systematic Reviews*. 2013;(12):CD010884. [doi:10.1002/14651858.CD010884](https://doi.org/10.1002/14651858.CD010884)
- Macfarlane GJ, Kronisch C, Dean LE, et al. EULAR revised recommendations for the management of fibromyalgia. *Annals of the Rheumatic Diseases*. 2017;76(2):318-328. [doi:10.1136/annrheumdis-2016-209724](https://doi.org/10.1136/annrheumdis-2016-209724)`,
  },

  // -------------------------------------------------------------------- May
  {
    slug: 'brain-fog-workarounds',
    title: 'Brain fog workarounds that members swear by',
    excerpt:
      'Lost words, forgotten kettles, and appointments that vanish from memory. A collection of small, practical workarounds gathered from the community.',
    category: 'living-well',
    tags: ['Brain fog', 'Work', 'Fatigue'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-05-11T09:00:00Z',
    body: `Brain fog is hard to describe to anyone who has not had it. It is not quite forgetting and not quite tiredness. Some of us describe it as thinking through wet cotton wool; others say it is like a radio that keeps drifting off the station.

We asked in the community chat: *what actually helps you get through a foggy day?* Here is what people shared. Take what is useful and leave the rest. If your thinking or memory changes suddenly, please raise it with your doctor rather than assuming it is "just fog".

## Outsource your memory

The most common theme by far was: **do not rely on your head to hold things.**

- One notebook, always in the same place. Not five notebooks.
- Phone alarms with descriptive labels, such as "take washing out" rather than just "alarm".
- A whiteboard by the front door for anything that must leave the house with you.
- Photographing where you parked, or the page of the recipe you are halfway through.

## Shrink the task

Fog makes big tasks feel impossible. Members break them down until the first step is almost silly:

1. Open the laptop.
2. Open the email.
3. Write one sentence.

Often, the first small step is enough to get moving. If it is not, that is useful information too.

## Lower the stakes

- Keep a short "scripts" note for common phone calls, like booking appointments or asking for a repeat prescription.
- If you lose a word mid-sentence, describing it ("the thing you boil water in") works perfectly well. Most people barely notice.
- Do important reading or paperwork at your clearest time of day, if you have one.

## At work

Several members who work shared these:

- Ask for instructions in writing, or send a short "just to confirm" email after a conversation.
- Use templates for anything you write more than twice.
- Block a quiet half-hour in your calendar for focused work, and protect it.

There is more on this in our post about talking with your employer, coming soon.

## Be kind to the foggy version of you

> The person who forgot the appointment is the same person who has been carrying a lot, quietly, for a long time.

Fog is not a character flaw. It is one more symptom, and you are allowed to build scaffolding around it the same way you might use a handrail on the stairs.`,
  },
  {
    slug: 'autoimmune-conditions-and-fibromyalgia-together',
    title: 'Living with an autoimmune condition and fibromyalgia together',
    excerpt:
      'Many of us have more than one diagnosis. What the research says about fibromyalgia alongside other conditions, and why it can help to track symptoms separately.',
    category: 'research-news',
    tags: ['Autoimmune', 'Diagnosis', 'Self-advocacy'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-05-27T09:00:00Z',
    body: `A good number of Hearth members live with an autoimmune condition, such as rheumatoid arthritis, lupus or thyroid disease, *and* fibromyalgia. That combination raises questions that are rarely answered in a ten-minute appointment. Which symptoms come from which condition? Does one rule out the other? How do you explain it to anyone?

This post gathers what the research literature says, in plain language. It is not a substitute for advice from the clinicians who know your history.

## One does not rule out the other

For a long time, fibromyalgia was sometimes treated as a diagnosis you could only have once everything else had been excluded. The 2016 revisions to the diagnostic criteria stated clearly that a fibromyalgia diagnosis is valid irrespective of other diagnoses, and that having fibromyalgia does not exclude the presence of other clinically important illnesses[^1].

For those of us with more than one condition, that sentence matters. It means both can be true at once.

## Why the overlap happens

Researchers describe fibromyalgia as involving changes in how the central nervous system processes pain, sometimes called *centralised* pain. A widely cited clinical review notes that this kind of pain can occur on its own, or alongside conditions where there is also ongoing inflammation or damage in the tissues[^2]. The overview in *Nature Reviews Disease Primers* likewise describes fibromyalgia appearing alongside other rheumatic diseases[^3].

The practical upshot, as some clinicians explain it, is that pain can come from more than one source at once, and each source may respond to different approaches.

## Tracking symptoms separately

Some members find it useful to keep a simple log that separates what they notice, so conversations with their care team are clearer. An example:

- **Joints:** swelling, heat, morning stiffness and how long it lasts
- **Widespread pain:** where, how intense, whether it moves around
- **Fatigue and sleep:** how rested you felt on waking
- **Thinking:** fog, word-finding, concentration
- **Anything new:** rashes, fevers, changes that feel different from your usual pattern

You do not have to decide which condition is responsible. That is your clinician's job. Your job is simply to notice and describe.

## When something feels new

If a symptom feels different from your usual pattern, it is always reasonable to mention it, even if you worry about being "dismissed as fibro". Having fibromyalgia does not protect you from other things, and a good clinician will want to know.

> Both conditions are real. You deserve care for all of you.

[^1]: Wolfe et al., 2016. See References.
[^2]: Clauw, 2014. See References.
[^3]: Häuser et al., 2015. See References.

## References

- Wolfe F, Clauw DJ, Fitzcharles MA, Goldenberg DL, Häuser W, Katz RL, Mease PJ, Russell AS, Russell IJ, Walitt B. 2016 Revisions to the 2010/2011 fibromyalgia diagnostic criteria. *Seminars in Arthritis and Rheumatism*. 2016;46(3):319-329. [doi:10.1016/j.semarthrit.2016.08.012](https://doi.org/10.1016/j.semarthrit.2016.08.012)
- Clauw DJ. Fibromyalgia: a clinical review. *JAMA*. 2014;311(15):1547-1555. [doi:10.1001/jama.2014.3266](https://doi.org/10.1001/jama.2014.3266)
- Häuser W, Ablin J, Fitzcharles MA, Littlejohn G, Luciano JV, Usui C, Walitt B. Fibromyalgia. *Nature Reviews Disease Primers*. 2015;1:15022. [doi:10.1038/nrdp.2015.22](https://doi.org/10.1038/nrdp.2015.22)`,
  },

  // ------------------------------------------------------------------- June
  {
    slug: 'my-partner-and-the-spoon-jar',
    title: 'My partner and the spoon jar',
    excerpt:
      'Teo on the kitchen jar of wooden spoons that helped him and his partner talk about energy without arguing about it.',
    category: 'community-stories',
    tags: ['Relationships', 'Pacing', 'Fatigue', 'Autoimmune'],
    author: 'teo-varga',
    status: 'published',
    publishedAt: '2026-06-15T17:00:00Z',
    body: `For the first couple of years after my diagnosis, my partner and I had the same argument on a loop. She would suggest something for the weekend. I would say yes, because I wanted to. Then on Saturday morning I would cancel, and we would both feel terrible in different ways.

She was not being unreasonable. I was not being lazy. We just did not have a shared way to talk about how much I had left.

## The jar

The idea came from the well-known spoon metaphor, where energy is pictured as a limited handful of spoons for the day. One evening, half joking, I took a dozen wooden spoons out of the drawer and put them in an empty jar on the counter.

"This is me today," I said, and took out five. "Work took these."

She laughed, and then she did not laugh, because she got it immediately.

## How we use it now

It has become a quiet little ritual. In the evening, one of us moves spoons from the jar to the windowsill:

- Spoons on the windowsill: already used today.
- Spoons in the jar: what is left.
- A spoon lying on its side: "I might have this one, but ask me gently."

Nobody has to make a speech. She can glance at the jar and know whether to suggest a film or a walk. I can glance at it and see, in a very physical way, that I have been overdoing it.

## What changed

I want to be honest: the jar did not make me less ill. What it changed was the *conversation*.

1. She stopped taking cancellations personally, because she could see them coming.
2. I stopped overpromising, because saying "I have two spoons" is easier than saying "no".
3. We started planning weekends together with a bit of margin built in.

> "It's not you saying no to me. It's the jar saying no to both of us."

She said that during a bad week in winter, and I have thought about it many times since.

## If you want to try something similar

It does not have to be spoons. One member uses buttons in a bowl, another uses a colour on the family calendar. The point is to have something outside your own head that you can both point at.

And if it does not suit your household, that is fine too. What helped us might not help you, and there is no single right way to share this stuff with the people we love.`,
  },
  {
    slug: 'what-researchers-mean-by-centralised-pain',
    title: 'What researchers mean by "centralised pain"',
    excerpt:
      'A plain-language explainer of central sensitisation, the idea researchers use to describe how pain processing can change in fibromyalgia, and what it does and does not imply.',
    category: 'research-news',
    tags: ['Research literacy', 'Diagnosis', 'Sleep', 'Autoimmune'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-06-29T09:00:00Z',
    updatedAt: '2026-07-06T11:15:00Z',
    body: `"Centralised pain" is a phrase you may have heard in a clinic or seen in an article, and it can land badly. To some ears it sounds like "it's in your head". That is not what researchers mean, and this post tries to explain why.

It is a simplified explanation for background reading. Your own clinician is the right person to talk to about what is going on in your body.

## The volume knob idea

A common way researchers and clinicians explain it is with a volume knob. In many kinds of pain, the signal starts in the tissues, like an injured ankle, and the nervous system passes it along. In *centralised* pain, the way the brain and spinal cord process signals appears to be turned up, so that ordinary sensations can be felt as painful, and painful ones feel stronger.

A clinical review by Daniel Clauw describes fibromyalgia in these terms: as a condition characterised by amplified pain processing in the central nervous system, often accompanied by fatigue, memory problems, and sleep and mood disturbances[^1].

## Why it is not "all in your head"

The phrase *central nervous system* refers to the brain and spinal cord: physical organs, doing physical things. Saying that pain processing is altered there is a statement about biology, not about imagination or character.

### It can sit alongside other pain

The same review notes that centralised pain can also occur alongside conditions with ongoing inflammation or tissue damage[^1]. That is one reason some people with autoimmune conditions are also diagnosed with fibromyalgia.

### Many factors seem to play a part

An overview in *Nature Reviews Disease Primers* describes a model in which biological and psychosocial factors interact to influence who develops fibromyalgia and how it is triggered and made worse, while acknowledging that the details remain unclear[^2].

## Why this framing might matter to you

Understanding the idea helped some members:

- make sense of why pain can move around or appear without an obvious injury,
- see why sleep, stress and activity levels may all seem to influence symptoms, and
- feel less alone, because the pattern they live with has a name and is being studied.

Others find the language still feels dismissive, especially when it is used carelessly. Both reactions are valid.

## Questions you might ask

- When you say my pain is "centralised", what do you mean for my treatment?
- Could there be more than one thing contributing to my pain?
- What would you want me to watch for?

*Updated in July to clarify the section on other pain conditions, after a helpful comment from a reader.*

[^1]: Clauw, 2014. See References.
[^2]: Häuser et al., 2015. See References.

## References

- Clauw DJ. Fibromyalgia: a clinical review. *JAMA*. 2014;311(15):1547-1555. [doi:10.1001/jama.2014.3266](https://doi.org/10.1001/jama.2014.3266)
- Häuser W, Ablin J, Fitzcharles MA, Littlejohn G, Luciano JV, Usui C, Walitt B. Fibromyalgia. *Nature Reviews Disease Primers*. 2015;1:15022. [doi:10.1038/nrdp.2015.22](https://doi.org/10.1038/nrdp.2015.22)`,
  },

  // ------------------------------------------------------------------- July
  {
    slug: 'talking-to-your-employer-about-flexible-work',
    title: 'Talking to your employer about flexible work',
    excerpt:
      'Preparing for a conversation with your manager about adjustments: what some members asked for, how they framed it, and what they wish they had known.',
    category: 'living-well',
    tags: ['Work', 'Self-advocacy', 'Pacing'],
    author: 'teo-varga',
    status: 'published',
    publishedAt: '2026-07-20T09:00:00Z',
    body: `Work comes up often in our community chat. Some of us have stopped working, some have changed jobs, and many are somewhere in the middle, trying to make an existing role fit a body that has changed.

This post collects what members have shared about asking for adjustments at work. Rules and rights differ a lot between countries and employers, so for anything legal or contractual, please check with an adviser, a union, or an official source where you live. Nothing here is legal or medical advice.

## Before the conversation

### Decide what you want to share

You do not necessarily have to share your diagnosis to ask for changes. Some members focus on *what would help* rather than *why*. Others find that naming the condition makes things easier. Both are valid choices, and it is yours to make.

### Know what you are asking for

Vague requests are easy to agree with and then forget. Specific ones are easier to put in place. Examples members have asked for:

- Starting later on mornings after a bad night, with hours made up later
- Working from home on set days
- A chair with better support, or permission to stand and move during meetings
- Written summaries after meetings, to help with brain fog
- Breaking large deadlines into smaller check-ins

### Think about the trade-offs

It can help to show you have thought about how the work still gets done. "If I start at ten on Tuesdays, I can cover the late call that nobody likes" is a very different conversation from a flat request.

## During the conversation

- Bring a short written list, so you do not have to rely on memory under pressure.
- It is fine to say "can I think about that and come back to you?"
- Ask how the agreement will be recorded, and when you will review it together.

> Asking for what you need is not asking for special treatment. It is asking to be able to do your job.

## After the conversation

Send a brief, friendly email summarising what was agreed. It protects both of you and saves anyone from relying on memory later.

If it does not go well, it may not be the end of the road. Some members found support through occupational health services, workplace disability networks, or advice organisations. We have gathered a few general starting points in the community chat.

## A note from me

When I first asked my manager to move my start time, I had rehearsed a long, apologetic speech. In the end she said "of course" in about four seconds. That will not be everyone's experience, and I know some members have had much harder conversations. But it is worth remembering that sometimes the answer is simpler than the fear.`,
  },

  // ----------------------------------------------------------------- August
  {
    slug: 'how-to-read-a-health-study',
    title: 'How to read a health study without a science degree',
    excerpt:
      'Headlines promise breakthroughs every week. A short, friendly guide to the questions worth asking before you get your hopes up, using real fibromyalgia research as examples.',
    category: 'research-news',
    tags: ['Research literacy', 'Guidelines', 'Exercise'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-08-17T09:00:00Z',
    updatedAt: '2026-08-24T16:45:00Z',
    body: `Every few weeks, someone in the community shares a headline: *New study finds the cause of fibromyalgia!* Usually, the study itself is far more modest than the headline. This post offers a handful of questions that help separate a promising early finding from something that might change care.

I spent years as a librarian, not a scientist. These are the questions I ask myself, not a complete course in research methods.

## Question 1: What kind of study is it?

Different designs answer different questions.

| Study type | What it can tell us | Watch out for |
| --- | --- | --- |
| Laboratory or animal study | Possible mechanisms | May not apply to people |
| Observational study | Patterns and associations | Association is not cause |
| Randomised controlled trial | Whether a treatment helps, on average | Small trials can mislead |
| Systematic review | What all the trials say together | Only as good as the trials included |
| Guideline | What experts recommend, based on reviews | May lag behind new evidence |

## Question 2: How many people, and who?

A trial with twenty people can be a useful first step, but it cannot tell us much on its own. It is also worth asking who was included. Many trials exclude people with other serious conditions, which is relevant to those of us living with more than one diagnosis.

## Question 3: How sure are the authors?

Good reviews say openly how confident they are. The Cochrane review of aerobic exercise for fibromyalgia, for instance, rates its evidence as being of low to moderate quality[^1]. That kind of honesty is a good sign, not a weakness.

Similarly, the EULAR recommendations used a formal grading system, and only one therapy, exercise, received a strong recommendation in favour; the others they supported were graded as weak[^2].

## Question 4: Does it matter in daily life?

A result can be "statistically significant" and still be too small for anyone to notice. Look for outcomes that matter to you, such as pain, sleep, fatigue, or being able to do the things you care about.

## Question 5: Who is telling me about it?

- Is the source selling something connected to the finding?
- Does it link to the original study, so you can check?
- Does it mention limitations at all?

> If a headline sounds too good to be true, the study probably said something quieter.

## Bring it to your clinician

If a study catches your interest, it is completely reasonable to print it out or note the reference and ask your clinician what they make of it. A good clinician will welcome an informed question.

*Edited a week after publishing to add the table row on guidelines.*

[^1]: Bidonde et al., 2017. See References.
[^2]: Macfarlane et al., 2017. See References.

## References

- Bidonde J, Busch AJ, Schachter CL, Overend TJ, Kim SY, Góes SM, Boden C, Foulds HJA. Aerobic exercise training for adults with fibromyalgia. *Cochrane Database of Systematic Reviews*. 2017;(6):CD012700. [doi:10.1002/14651858.CD012700](https://doi.org/10.1002/14651858.CD012700)
- Macfarlane GJ, Kronisch C, Dean LE, et al. EULAR revised recommendations for the management of fibromyalgia. *Annals of the Rheumatic Diseases*. 2017;76(2):318-328. [doi:10.1136/annrheumdis-2016-209724](https://doi.org/10.1136/annrheumdis-2016-209724)`,
  },

  // -------------------------------------------------------------- September
  {
    slug: 'preparing-for-a-clinic-appointment',
    title: 'Preparing for a clinic appointment',
    excerpt:
      'Appointments are short and brain fog is real. A checklist members use to get the most out of the time, and a few phrases that help when you feel rushed.',
    category: 'living-well',
    tags: ['Self-advocacy', 'Brain fog', 'Diagnosis'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-09-14T09:00:00Z',
    body: `When we held our first online meetup, one topic came up again and again: appointments that end before you have said the thing you came to say. This post gathers what members do to prepare. It is not about what treatment to ask for. That is a conversation between you and your clinician. It is about making sure the conversation happens.

## A week before

- [ ] Write down the **one or two things** that matter most for this visit.
- [ ] Jot down any changes since your last appointment: new symptoms, things that helped, things that did not.
- [ ] List your current medicines and supplements, with doses.
- [ ] Decide whether you want someone with you, in person or on the phone.

## The day before

- [ ] Put your notes somewhere you will not forget them, like your bag or coat pocket.
- [ ] Plan rest for after the appointment. Many of us find clinic visits surprisingly draining.
- [ ] If it helps, rehearse your opening sentence out loud.

## In the room

Start with the most important thing, even if it feels abrupt. A simple opening such as "The main thing I'd like help with today is..." can make the whole appointment more focused.

Some phrases members have found useful:

- "Can I read you my list? I have brain fog and I don't want to forget anything."
- "Could you write that down for me?"
- "What should I do if this gets worse before my next appointment?"
- "Is there anything you'd like me to track before we next meet?"

## Afterwards

While it is fresh, write a few lines about what was said and what happens next. If something was unclear, many clinics have ways to send a follow-up question.

> You are not being difficult by preparing. You are being a good partner in your own care.

## If you felt unheard

It happens, and it can be painful. Some members have found it helpful to ask for a longer appointment next time, to bring a supporter, or to ask whether another clinician in the practice might be a better fit. You deserve care that takes you seriously.`,
  },
  {
    slug: 'finding-my-people-after-diagnosis',
    title: 'Finding my people after diagnosis',
    excerpt:
      'A member on the lonely months after her diagnosis, the online group that changed things, and what she now tries to offer newcomers.',
    category: 'community-stories',
    tags: ['Community', 'Diagnosis', 'Relationships'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-09-28T10:00:00Z',
    body: `*This story was shared with us by a Hearth member who asked to go by her first initial, M. Juniper helped her shape it for the blog.*

The day I was diagnosed, I felt relief for about an hour. Finally, a name. Then I went home, looked at the same four walls, and realised that a name does not come with a map.

## The quiet months

My friends were kind, but they did not understand why I still could not come to the things I used to come to. My family wanted to know when I would be better. I did not have an answer, so I stopped bringing it up, and then I stopped bringing much up at all.

I did a lot of late-night searching in those months. Some of what I found was helpful. A lot of it was frightening, or selling something, or both.

## The first message

A nurse at my practice mentioned an online group. It took me three weeks to post anything. When I finally did, it was one line: *"Does anyone else feel like they're disappearing?"*

Within an hour there were eleven replies. None of them told me what to do. They just said, in different ways, *yes, me too, you're not disappearing, we can see you.*

## What a community gave me

- **Language.** Words like pacing, flare and baseline gave shape to things I had felt but could not explain.
- **Permission.** Seeing other people rest without apologising made it easier for me to do the same.
- **Perspective.** People further along the road showed me that life changes shape; it does not simply shrink.
- **Laughter.** I did not expect that. Some of the funniest people I know live with chronic pain.

## What I try to offer now

These days I am one of the people who replies to newcomers. I try to remember how that first message felt. So I:

1. Answer the person first, not the diagnosis.
2. Share what helped me, clearly labelled as *what helped me*.
3. Gently suggest talking things over with their own clinician when it is a medical question.
4. Never pile on advice when someone just wants to be heard.

> Nobody can walk the road for you. But it is a very different road with company.

If you are new here and reading this at two in the morning, welcome. Say hello when you are ready. There is no rush.`,
  },

  // ---------------------------------------------------------------- October
  {
    slug: 'gardening-from-a-stool',
    title: 'Gardening from a stool',
    excerpt:
      'Juniper on giving up the garden, getting it back in a smaller shape, and the humble three-legged stool that made it possible.',
    category: 'community-stories',
    tags: ['Pacing', 'Exercise', 'Community'],
    author: 'juniper-lane',
    status: 'published',
    publishedAt: '2026-10-12T09:00:00Z',
    body: `There was a summer, a few years ago, when I let the garden go entirely. Kneeling hurt. Bending hurt. Standing too long hurt. I would look out at the weeds through the kitchen window and feel a kind of grief I did not have words for.

This is the story of how I got some of it back. Not all of it. Some.

## Admitting the old way was gone

My old style of gardening was an all-day affair: out at nine, in at dusk, aching and happy. For a long time I kept trying to do it that way on good days, and then paying for it for a week.

The turning point was a friend from our meetup asking, very gently, "What's the *smallest* bit of gardening that would still feel like gardening?"

## The stool

The answer turned out to be a three-legged wooden stool that had belonged to my grandmother. I started taking it out for **fifteen minutes**, with a timer, and doing only what I could reach from sitting.

- Fifteen minutes is enough to deadhead one pot of flowers.
- It is enough to pull the weeds from one small square of bed.
- It is enough to sit in the sun and *notice* things.

When the timer goes, I stop, even if I feel fine. Especially if I feel fine. That part took a long time to learn.

## Changing the garden to fit me

Over two years, the garden has changed shape:

1. Raised beds and big pots brought the soil up to where I could reach it.
2. Low-maintenance perennials replaced most of the fussy annuals.
3. A neighbour's teenager now mows the lawn for pocket money and seems delighted with the arrangement.
4. I keep a small basket of tools by the back door so I do not waste energy fetching them.

## What it gives me

> I garden for the mornings when I can't do anything else, and that turns out to be a fine reason.

Some days I do not make it outside at all. On those days I sit by the window and plan next year's pots, which is its own kind of gardening.

I know that gardening is not everyone's thing, and for some people even fifteen minutes on a stool is out of reach right now. If that is you, I hope you have your own version: a windowsill herb, a bird feeder, a favourite tree on a short walk. Something that is yours, in a shape that fits.`,
  },
  {
    slug: 'questions-for-the-hearth-team-october',
    title: 'Your questions for the Hearth team, answered',
    excerpt:
      'Who writes the posts, how we choose research to cover, why there are no adverts, and how to suggest a topic. Answers to the questions we get asked most.',
    category: 'community-stories',
    tags: ['Community', 'Research literacy'],
    author: 'wren-hollis',
    status: 'published',
    publishedAt: '2026-10-26T09:00:00Z',
    body: `Hearth has grown a lot this year, and with new readers come good questions. Here are the ones that reach our inbox most often, answered as honestly as we can.

## Who writes the posts?

All of our writers are volunteers who live with fibromyalgia, an autoimmune condition, or both. None of us are writing as medical professionals. We write as people who have been there, and we say so clearly on every post that touches on health.

Some posts are shared by members and shaped with the help of a volunteer editor. We always ask before publishing, and we use only the name, initial or pseudonym the member chooses.

## How do you choose which research to cover?

We look for research that is:

- **Relevant** to the questions members actually ask us.
- **Reasonably solid**, such as systematic reviews, major guidelines, or well-designed trials, rather than a single small study that made a splashy headline.
- **Checkable.** Every research post ends with a reference list, so you can read the original yourself or take it to your clinician.

If we get something wrong, we correct it and note the change at the bottom of the post.

## Why are there no adverts?

Because we do not want anyone to wonder whether a post was written to sell them something. The site is paid for by small donations and the occasional sale in the Hearth shop. We also keep the site free of third-party trackers, and you can read more about that on our Privacy page.

## Can I write for Hearth?

Yes, please. You do not need to be a confident writer. Many of our community stories began as a few paragraphs in the chat group. A volunteer will work with you at whatever pace suits your energy, and you can withdraw at any time before publishing.

## Can you tell me whether a treatment will work for me?

We cannot, and we would be wary of anyone online who says they can. What we can do is share what the research says, share what has helped some of us, and encourage you to take your questions to a clinician who knows your history.

## How do I suggest a topic?

Post it in the community chat, or reply to any of our meetup announcements. Some of our most-read posts, including the one on brain fog workarounds, started as a single member's question.

> Hearth works because people keep showing up for one another. Thank you for being part of it.`,
  },

  // --------------------------------------------------------- Draft/scheduled
  {
    slug: 'draft-notes-on-winter-flares',
    title: 'Notes on winter flares (draft)',
    excerpt:
      'Work in progress: what members say about the colder months, from layering and warmth to planning lighter weeks around the holidays.',
    category: 'living-well',
    tags: ['Flares', 'Winter', 'Pacing'],
    author: 'teo-varga',
    status: 'draft',
    publishedAt: '2026-11-02T09:00:00Z',
    body: `*Draft. Still gathering contributions from the community chat before this goes live.*

Every year, as the days shorten, the chat group fills with the same observation: *is it just me, or is everything worse when it's cold?* Many members notice more pain and stiffness in the colder, damper months, although experiences vary a lot from person to person.

This post is a collection of what has helped some of us through winter. It is not medical advice, and if your symptoms change noticeably, please mention it to your clinician.

## Staying warm without spending all your energy on it

- Layers that are easy to put on and take off, especially ones that do not need fiddly buttons on a bad hand day.
- A heat pad or hot water bottle kept where you spend most of your time.
- Warming the bed for a few minutes before getting in.
- Fingerless gloves for typing or reading.

## Planning around the holidays

The end of the year can bring a lot of social demands at exactly the moment energy is lowest. Ideas members have shared so far:

1. Pick the **one** gathering that matters most and rest before and after it.
2. Offer to host only if someone else does the cooking, or suggest a shared potluck.
3. Have a quiet room or a planned early exit, agreed in advance.
4. Send cards in batches across November instead of one long evening.

## Light and mood

Shorter days can affect mood as well as energy. Some members make a point of sitting by a window in the morning, or taking a short walk in daylight when they can. If low mood is lasting or getting heavier, that is worth raising with your doctor.

## Still to add

- Contributions from members who live somewhere warm all year.
- Tips on flare kits for travelling to see family.
- A short pacing table for a holiday week, similar to the one in our energy budget post.

If you would like to contribute a tip, reply in the community chat before the end of the month.`,
  },
  {
    slug: 'scheduled-spring-gathering',
    title: 'Save the date: our spring gathering',
    excerpt:
      'Hearth is planning a small, accessible spring gathering, both in person and online. Here is what we know so far and how we are designing it around our bodies.',
    category: 'community-stories',
    tags: ['Community', 'Pacing'],
    author: 'wren-hollis',
    status: 'scheduled',
    publishedAt: '2027-03-01T09:00:00Z',
    body: `After a year of online meetups, many of you have asked whether we could ever meet in person. We would love to try, carefully, and in a way that works for bodies like ours.

This post shares what we are planning so far. Details may change, and we will update this page as they do.

## What we have in mind

A **small afternoon gathering** in a step-free community space, with a live online link for everyone who cannot travel or would rather stay home. Both ways of joining count equally.

The rough shape of the afternoon:

| Time | What is happening | Energy level |
| --- | --- | --- |
| 1:00 pm | Arrive gently, tea and a quiet corner | Low |
| 1:30 pm | Welcome and introductions, in person and online | Low |
| 2:00 pm | Open conversation in small groups | Medium |
| 2:45 pm | Rest break, with no activity planned | Rest |
| 3:15 pm | Sharing small joys and next year's ideas | Low |
| 4:00 pm | Close, and leave whenever you need | Low |

## Designing for our bodies

We are building the day around lessons from the online meetups:

- **Come late, leave early, lie down.** All of it is welcome and none of it needs explaining.
- **Plenty of seating**, including some comfortable chairs with arms and a space to lie flat.
- **A quiet room** for anyone who needs a break from noise and conversation.
- **Scent-free** as far as we can manage, for members sensitive to fragrance.
- **A written summary** afterwards for everyone, whether you came or not.

## What we need from you

We would love to hear:

1. Whether you would join in person, online, or not this time (all fine answers).
2. What would make it easier for you to attend.
3. Whether you would like to help on the day in a small, seated role.

Please share your thoughts in the community chat. We will post the venue and the online link closer to the date.

> However you join, and even if you cannot this time, you are part of Hearth.`,
  },
];

export const seedPages: SeedPage[] = [
  {
    slug: 'about',
    title: 'About Hearth',
    navOrder: 1,
    body: `Hearth is a community blog for people living with fibromyalgia and autoimmune conditions, and for the people who care about them. It is written and run entirely by volunteers, most of whom live with one or more of these conditions themselves.

## What you will find here

- **Research News:** plain-language summaries of studies and guidelines, always with a reference list so you can check the original sources.
- **Living Well:** everyday strategies that have helped some of us with pacing, sleep, work and the hard days.
- **Community Stories:** first-person stories from members, in their own words.

## What we believe

- Chronic illness is real, even when it is invisible.
- People living with a condition are experts in their own experience.
- Good information should be free, honest about its limits, and easy to read on a foggy day.
- Nobody should have to apologise for being unwell.

## What we are not

We are not medical professionals, and nothing on Hearth is medical advice. Please read our medical disclaimer, and talk with your own clinician about decisions that affect your health.

## Getting involved

You are welcome to read quietly, join the community chat, come to an online meetup, or write something for us. A volunteer editor will work with you at whatever pace suits your energy.

Thank you for being here. Pull up a chair.`,
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    navOrder: 2,
    body: `We have tried to keep Hearth's privacy practices as simple and kind as the rest of the site. This page explains, in plain language, what we store and what we do not.

## What we store

If you create an account to write or comment, we store:

- your **display name**, which can be a nickname or pseudonym, and
- your **email address**, so you can sign in and we can contact you about your account.

We also store anything you choose to publish, such as posts or comments, along with the dates they were created or edited.

## What we never do

- We **never show your email address publicly**. Only your display name appears on the site.
- We do not sell, rent or share your information with advertisers or data brokers.
- We do not use **third-party trackers** or analytics services.
- We do not load **fonts, images or scripts from other companies' servers**, so simply reading Hearth does not tell anyone else that you were here.

## Your data, your choice

You are in control of your information:

- **Download your data.** You can request a copy of everything we hold about you, in a readable format.
- **Delete your data.** You can ask us to delete your account and personal information at any time. Published community stories can be removed or anonymised at your request.
- **Correct your data.** You can change your display name and email address whenever you like.

## Health information

Posts on Hearth often touch on health. Please think carefully before sharing details that could identify you. Using a pseudonym is completely fine, and our volunteers are happy to help you anonymise a story before it is published.

## Questions

If you have a question about privacy, please contact the volunteer team through the community chat and an administrator will reply.`,
  },
  {
    slug: 'medical-disclaimer',
    title: 'Medical disclaimer',
    navOrder: 3,
    body: `Hearth is a community blog written by volunteers. **We are not your doctors**, and nothing on this site is medical advice.

## Information, not instructions

Our posts share research summaries, personal experiences, and things that have helped some of us. They are offered for general information and company, not to diagnose, treat, or prevent any condition.

Every person's situation is different. Something that helped one member may not suit you, and may not be safe for you, depending on your health, your other conditions, and your medicines.

## Please talk with your clinician

Before you start, stop or change any treatment, exercise programme, diet or supplement, please talk it over with a qualified clinician who knows your history. Please do not delay seeking professional care because of something you read here.

## Research summaries

We do our best to summarise research accurately and to link to the original sources so you can check them. Research changes over time, and summaries always leave things out. If you spot an error, please tell us and we will correct it.

## In an emergency

If you are in crisis or think you may have a medical emergency, contact your local emergency services straight away. Hearth is not monitored around the clock and cannot respond to urgent requests.`,
  },
];

/** Shown to someone who reports a comment. Real, long-standing services; volunteers adapt the list to their community. */
export const seedSupportResources: { label: string; url: string }[] = [
  { label: 'Samaritans (UK and Ireland): call 116 123, any time', url: 'https://www.samaritans.org' },
  { label: '988 Suicide & Crisis Lifeline (US): call or text 988', url: 'https://988lifeline.org' },
  { label: 'Find a helpline in your country', url: 'https://findahelpline.com' },
];
