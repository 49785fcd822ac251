import { feedResponse } from '@/lib/feed-response';

export const GET = (request: Request) => feedResponse(request, 'json');
