import { defineBackground } from 'wxt/utils/define-background';
import { setUpBadge } from './set-up-badge';

// The entry only wires; each concern lives in its own setUpX().
export default defineBackground(() => {
  setUpBadge();
});
