/* bench-extract.c: processor time of importing saved web pages
 *
 * Imports every .html file under a folder (decoding, parsing, metadata and
 * article extraction: all of mg_import_html()) and prints the processor
 * time per page: total, mean, median, the slowest page and how many pages
 * took over 100 ms, with the wall time and the machine's load. Each page
 * is imported --repeat times and its fastest run counts, which keeps the
 * figure steady on a machine shared with other work.
 *
 *   _build/tests/bench-extract [--repeat N] [--list] FOLDER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mg-core.h"
#include "mg-import-html.h"

typedef struct
{
  char   *path;
  double  secs;
} Page;

static void
page_free (gpointer data)
{
  Page *p = data;

  g_free (p->path);
  g_free (p);
}

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
collect (const char *dir,
         GPtrArray  *pages)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path, pages);
      else if (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".htm"))
        {
          Page *p = g_new0 (Page, 1);

          p->path = g_steal_pointer (&path);
          g_ptr_array_add (pages, p);
        }
    }
}

static int
by_path (gconstpointer a,
         gconstpointer b)
{
  return strcmp ((*(Page **) a)->path, (*(Page **) b)->path);
}

static int
by_secs (gconstpointer a,
         gconstpointer b)
{
  double x = (*(Page **) a)->secs, y = (*(Page **) b)->secs;

  return x < y ? -1 : x > y;
}

/* The fastest of @repeat imports of one page, in processor seconds. */
static double
time_page (const char *path,
           guint       repeat)
{
  g_autofree char *data = NULL;
  g_autofree char *base = g_path_get_basename (path);
  double best = G_MAXDOUBLE;
  gsize n;

  if (!g_file_get_contents (path, &data, &n, NULL))
    return 0;
  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) docs = NULL;
      g_autoptr(GError) error = NULL;
      double start = cpu_now ();

      docs = mg_import_html (data, n, base, warnings, &error);
      best = MIN (best, cpu_now () - start);
    }
  return best;
}

static char *
loadavg (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  return g_strndup (text, strcspn (text, "\n"));
}

int
main (int    argc,
      char **argv)
{
  gint repeat = 3;
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Imports per page; the fastest counts", "N" },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, "Print every page's time", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("FOLDER");
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (page_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *load_before = loadavg ();
  g_autofree char *load_after = NULL;
  double total = 0, wall;
  gint64 start;
  guint over = 0;
  Page *slowest;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc != 2 || repeat < 1)
    {
      fprintf (stderr, "usage: bench-extract [--repeat N] [--list] FOLDER\n");
      return 2;
    }
  collect (argv[1], pages);
  if (pages->len == 0)
    {
      fprintf (stderr, "%s: no .html files\n", argv[1]);
      return 1;
    }
  g_ptr_array_sort (pages, by_path);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < pages->len; i++)
    {
      Page *p = pages->pdata[i];

      p->secs = time_page (p->path, repeat);
      total += p->secs;
      over += p->secs > 0.1;
      if (list)
        printf ("%8.2f ms  %s\n", p->secs * 1e3, p->path);
    }
  wall = (g_get_monotonic_time () - start) / 1e6;
  load_after = loadavg ();

  g_ptr_array_sort (pages, by_secs);
  slowest = pages->pdata[pages->len - 1];
  printf ("%u pages, fastest of %d imports each\n", pages->len, repeat);
  printf ("processor time: %.3f s in all, mean %.2f ms, median %.2f ms a page\n",
          total, total / pages->len * 1e3,
          ((Page *) pages->pdata[pages->len / 2])->secs * 1e3);
  printf ("slowest: %.2f ms (%s); %u over 100 ms\n", slowest->secs * 1e3, slowest->path, over);
  printf ("wall time: %.2f s for all %d rounds\n", wall, repeat);
  printf ("load average: %s before, %s after\n", load_before, load_after);
  return 0;
}
