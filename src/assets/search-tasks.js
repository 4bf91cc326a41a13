/**
 * When the search page's script goes on (search.js): in a task of its own, so that what the page
 * does next is run alone.
 */

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
