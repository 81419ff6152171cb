import { headers } from 'next/headers';
import { ApiReference } from '@/components/docs/api-reference';
import { openApiDocument, originOf } from '@/lib/openapi';

export const metadata = {
  title: 'API docs',
  description: 'The PB&J orders API: create, track, change and cancel orders.',
};
export const dynamic = 'force-dynamic'; // the examples use this server's address and the menu of the moment

export default async function DocsPage() {
  return (
    <ApiReference
      doc={await openApiDocument(originOf({ headers: await headers(), url: 'http://localhost:3000/docs' }))}
    />
  );
}
