/**
 * When the search page's script goes on (search.js): after the next frame, or in a task of its own.
 * Each is a separate main-thread task, so what the page does next is laid out or run alone.
 */

/** Settles after the next frame (in a hidden tab, at once): what is appended then is laid out alone. */
export const afterFrame = () =>
  new Promise((resolve) => (document.hidden ? resolve() : requestAnimationFrame(() => setTimeout(resolve, 0))));

/** Settles in a task of its own (a message to itself: no timer's wait). */
export const nextTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
