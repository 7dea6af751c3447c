import { describe, expect, it } from 'vitest';
import { recognisePage } from './recognise';
import { facts } from './test-facts';

describe('recognisePage: Vercel deployments', () => {
  it.each([
    ['a deployment', 'https://vercel.com/acme/checkout/6Yx4R1s3nDE9Zr8Gwd3vGu1eiChF', 'Deployment 6Yx4R1s3n of checkout'],
    ['its source tab', 'https://vercel.com/acme/checkout/6Yx4R1s3nDE9Zr8Gwd3vGu1eiChF/source', 'Deployment 6Yx4R1s3n of checkout'],
    ['an id with its dpl_ prefix', 'https://vercel.com/acme/web-app/dpl_4qtH1xR82D5Vka1hNkMkG4DjEF4V', 'Deployment 4qtH1xR82 of web-app'],
  ])('names %s', (_, url, title) => {
    const result = recognisePage(facts(url, 'checkout – Deployment Overview – Vercel'));
    expect(result).toMatchObject({ tool: 'vercel', label: 'Vercel deployment', title, sourceUrl: url });
  });

  it.each([
    ['the deployments list', 'https://vercel.com/acme/checkout/deployments'],
    ['speed insights', 'https://vercel.com/acme/checkout/speed-insights'],
    ['the observability tab', 'https://vercel.com/acme/checkout/observability'],
    ['the docs', 'https://vercel.com/docs/deployments/Overview1234567890'],
    ['a deployed site', 'https://checkout-6yx4r1s3n-acme.vercel.app/'],
  ])('leaves %s alone', (_, url) => {
    expect(recognisePage(facts(url, 'Vercel')).tool).toBeNull();
  });
});
