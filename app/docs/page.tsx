import { ComingSoon } from '@/components/ui/coming-soon';

export const metadata = { title: 'API docs' };
export default function DocsPage() {
  return <ComingSoon title="API docs" body="The interactive reference for /v1/orders. Until it lands, the README documents every endpoint with curl examples." />;
}
