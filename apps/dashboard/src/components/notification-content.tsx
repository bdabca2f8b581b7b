import { JsonBlock } from './bits';

/** What a notification says, as its recipients and its publisher see it alike: text, link and data. */
export function NotificationContent({ notification }: { notification: { title: string; text: string; link: string | null; data: unknown } }) {
  return (
    <>
      {notification.text && <p>{notification.text}</p>}
      {notification.link && (
        <p>
          <a href={notification.link} rel="noreferrer noopener" target="_blank">
            {notification.link}
          </a>
        </p>
      )}
      {notification.data !== null && notification.data !== undefined && <JsonBlock value={notification.data} label={`data of ${notification.title}`} />}
    </>
  );
}
