import { ANNOUNCEMENT_TOPICS, type AnnouncementTopic } from '../../../lib/announce/destination';
import { TOPIC_LABEL } from '../../../lib/announce/topic-labels';

/** The checkboxes for what one destination receives. */
export function TopicChoices({ topics, onChange }: { topics: AnnouncementTopic[]; onChange: (next: AnnouncementTopic[]) => void }) {
  return (
    <fieldset>
      <legend>Send</legend>
      {ANNOUNCEMENT_TOPICS.map((topic) => (
        <label key={topic} className="choice">
          <input
            type="checkbox"
            checked={topics.includes(topic)}
            onChange={(e) => onChange(e.target.checked ? ANNOUNCEMENT_TOPICS.filter((t) => t === topic || topics.includes(t)) : topics.filter((t) => t !== topic))}
          />
          {TOPIC_LABEL[topic]}
        </label>
      ))}
    </fieldset>
  );
}
