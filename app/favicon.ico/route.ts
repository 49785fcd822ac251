// The favicon browsers ask for on their own: the site's icon at 16, 32 and 48 px (Hearth's until one is uploaded).
import { iconResponse } from '@/lib/site-identity/icon-response';

export const GET = (request: Request) => iconResponse(request, 'ico');
