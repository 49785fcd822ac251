import { feedResponse } from '@/lib/feed-response';

export const GET = () => feedResponse('json');
