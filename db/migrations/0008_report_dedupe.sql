-- Custom SQL migration file, put your code below! ---- Keeps the earliest report of each member on each comment, so the unique index of the next migration can be built on an existing install.
DELETE FROM `comment_reports`
WHERE `reporter_id` IS NOT NULL
  AND `id` NOT IN (SELECT min(`id`) FROM `comment_reports` WHERE `reporter_id` IS NOT NULL GROUP BY `comment_id`, `reporter_id`);
