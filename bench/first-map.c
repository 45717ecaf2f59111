/* first-map.c — how long a program takes to map its first window, and its size then
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: first-map [--timeout SECONDS] PROGRAM [ARGS...]
 *
 * An observer outside the program: it listens for MapNotify on the root window of
 * $DISPLAY before it starts PROGRAM, so that nothing in the program has to be built
 * for measuring. The first top-level window mapped whose _NET_WM_PID is PROGRAM's ends
 * the clock; PROGRAM's resident memory is read from /proc at that moment. Prints
 * "SECONDS RSS_KIB" and stops PROGRAM (SIGTERM, then waits for it).
 *
 * Without a window manager (Xvfb) a top-level window is a child of the root, so its
 * MapNotify reaches a client that selected SubstructureNotify on the root.
 */

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The _NET_WM_PID of @window, or 0 when it has none. */
static long
window_pid (Display *display,
            Window   window)
{
  Atom pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  Atom type = None;
  int format = 0;
  unsigned long n_items = 0;
  unsigned long after = 0;
  unsigned char *data = NULL;
  long pid = 0;

  if (XGetWindowProperty (display, window, pid_atom, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &after, &data) == Success &&
      data != NULL && format == 32 && n_items == 1)
    pid = (long) *(unsigned long *) data;

  if (data != NULL)
    XFree (data);

  return pid;
}

/* VmRSS of @pid in KiB, or -1. */
static long
rss_kib (pid_t pid)
{
  char path[64];
  char line[256];
  FILE *file;
  long kib = -1;

  snprintf (path, sizeof path, "/proc/%ld/status", (long) pid);
  if ((file = fopen (path, "r")) == NULL)
    return -1;

  while (fgets (line, sizeof line, file) != NULL)
    if (strncmp (line, "VmRSS:", 6) == 0)
      {
        kib = strtol (line + 6, NULL, 10);
        break;
      }

  fclose (file);
  return kib;
}

static int
ignore_errors (Display     *display,
               XErrorEvent *event)
{
  /* A window can be gone by the time its property is read. */
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  double timeout = 30;
  Display *display;
  Window root;
  double start;
  pid_t pid;
  int status;
  int first = 1;

  if (argc > 2 && strcmp (argv[1], "--timeout") == 0)
    {
      timeout = atof (argv[2]);
      first = 3;
    }
  if (first >= argc)
    {
      fprintf (stderr, "usage: %s [--timeout SECONDS] PROGRAM [ARGS...]\n", argv[0]);
      return 2;
    }

  if ((display = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "first-map: cannot open the display (is DISPLAY set?)\n");
      return 2;
    }
  XSetErrorHandler (ignore_errors);
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_seconds ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("first-map: fork");
      return 2;
    }
  if (pid == 0)
    {
      close (ConnectionNumber (display));
      execvp (argv[first], argv + first);
      perror ("first-map: exec");
      _exit (127);
    }

  for (;;)
    {
      struct pollfd fd = { .fd = ConnectionNumber (display), .events = POLLIN };
      double left = start + timeout - now_seconds ();

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type != MapNotify || event.xmap.event != root ||
              window_pid (display, event.xmap.window) != (long) pid)
            continue;

          {
            double seconds = now_seconds () - start;
            long kib = rss_kib (pid);

            printf ("%.4f %ld\n", seconds, kib);
            fflush (stdout);
            kill (pid, SIGTERM);
            waitpid (pid, &status, 0);
            XCloseDisplay (display);
            return kib < 0 ? 1 : 0;
          }
        }

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "first-map: %s exited before it mapped a window\n", argv[first]);
          return 1;
        }
      if (left <= 0)
        {
          fprintf (stderr, "first-map: no window from %s within %.0f s\n", argv[first], timeout);
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          return 1;
        }

      /* Wake up at least every 50 ms to notice a program that died. */
      if (poll (&fd, 1, left < 0.05 ? (int) (left * 1000) + 1 : 50) < 0 && errno != EINTR)
        {
          perror ("first-map: poll");
          return 2;
        }
    }
}
