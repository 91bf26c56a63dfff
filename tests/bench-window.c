/* bench-window.c: a big article in the real window, timed
 *
 * Builds a 1 MB article (one paragraph per line) with 20,000 annotations,
 * some nested and some overlapping ("--megabytes N" and "--annotations N"
 * for others), opens it in the window and prints how long the model takes
 * to build, the article's first frame to be painted, counted from the start
 * of the process as a user waits for it, and one annotation to be added,
 * removed and restored, each from the start of its action to the end of the
 * first frame painted after it, the window's draft written (its slices of
 * the main loop, the longest and their sum), and find highlighting every
 * match of a word and closing, Tag All of that word and its undo; then the peak memory
 * (getrusage). Every figure comes with the processor time it took and the
 * machine's load average, since other work on a shared machine inflates the
 * wall clock. A frame counts only when the window's surface
 * was really rendered in it, so an idle tick of the frame clock cannot pass
 * for the edit's frame. Not a test: figures depend on the machine. Run it
 * under Xvfb, as the README says; "--rounds N" repeats each edit N times
 * (9 by default), for a profiler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mg-core.h"
#include "mg-application.h"
#include "mg-article-view.h"
#include "mg-window.h"
#include "mg-session-private.h"
#include "mg-window-private.h"

#define MEGABYTES         1
#define N_ANNOTATIONS     20000
#define PAINT_TIMEOUT_MS  2000
#define N_ROUNDS          9

static const char *words[] = {
  "harbour", "council", "said", "the", "authority", "million", "percent",
  "barrier", "river", "Güler", "Fährmann", "€4.2", "1,200", "households",
  "residents", "agency", "report", "record", "of", "a", "in", "was", "on",
  "board", "vote", "İlkay", "Zoë", "storm", "gauge", "metres", "2025",
};

static const char *labels[] = { "quote", "actor", "claim", "figure" };

typedef struct
{
  GdkSurface *surface;
  GtkWidget *check;       /* nullable: must be mapped in the frame */
  gboolean   in_paint;
  gboolean   rendered;
  gboolean   painted;
  gboolean   timed_out;
  gint64     painted_at;
  gint64     painted_cpu;

  /* Of the frame that counted: when it began, finished its layout phase
   * (size allocation, the text view's line validation) and its paint. */
  gint64     frame_at;
  gint64     layout_at;
  gint64     paint_at;
} Waiter;

static char *
build_text (gsize target_bytes)
{
  GString *text = g_string_sized_new (target_bytes + 1024);
  GRand *rand = g_rand_new_with_seed (2025);

  /* Paragraphs of 300 to 1,200 bytes, one per line, as imported texts are:
   * a single line of 100k characters would take seconds to lay out. */
  while (text->len < target_bytes)
    {
      gsize para_end = text->len + g_rand_int_range (rand, 300, 1200);

      while (text->len < para_end)
        {
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (text, g_rand_int_range (rand, 0, 12) == 0 ? '.' : ' ');
        }
      g_string_append_c (text, '\n');
    }

  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

/* Spans every ~50 code points; every tenth is a long one that covers the
 * next few, so nesting and overlaps are as common as in real work. */
static MgDocument *
build_document (gsize target_bytes,
                guint n_annotations)
{
  g_autofree char *text = build_text (target_bytes);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  MgDocument *document = mg_document_new ("big", text, -1);
  guint length = mg_document_get_length (document);
  guint step = (length - 400) / n_annotations;

  mg_document_set_title (document, "A big article");
  if (step == 0)
    g_error ("%u annotations do not fit in %u characters", n_annotations, length);
  for (guint i = 0; i < n_annotations; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      guint start = 100 + i * step + i % 7;
      guint end = start + (i % 10 == 0 ? 180 : 5 + i % 31);

      g_ptr_array_add (annotations, mg_annotation_new (id, labels[i % 4], start, end));
    }
  if (!mg_annotation_store_add_all (mg_document_get_store (document), annotations, &error))
    g_error ("Could not add the annotations: %s", error->message);

  return document;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

/* The processor time of this process, in microseconds: what an edit costs
 * the application whatever else the machine is doing. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The wall time since the kernel started this process, in microseconds:
 * what a user waits for, loading of the program and libraries included.
 * /proc gives the start in clock ticks (10 ms), so that is the precision. */
static gint64
since_process_start (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  guint64 start_ticks = 0;

  clock_gettime (CLOCK_BOOTTIME, &now);
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL)
    return -1;

  /* Past the command name, which may hold spaces: the state is the 3rd
   * field and the start time the 22nd. */
  p++;
  for (guint field = 3; field <= 22 && *p != '\0'; field++)
    {
      while (*p == ' ')
        p++;
      if (field == 22)
        start_ticks = g_ascii_strtoull (p, NULL, 10);
      while (*p != ' ' && *p != '\0')
        p++;
    }

  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000 -
         (gint64) (start_ticks * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK));
}

static void
print_load (void)
{
  double load[3];

  if (getloadavg (load, 3) == 3)
    printf ("load average           %.2f %.2f %.2f (%d processors)\n",
            load[0], load[1], load[2], (int) sysconf (_SC_NPROCESSORS_ONLN));
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Waiter        *waiter)
{
  waiter->in_paint = TRUE;
  waiter->rendered = FALSE;
  waiter->frame_at = g_get_monotonic_time ();
}

/* Connected after GTK's own handlers of these phases, so they run last. */
static void
layout_cb (GdkFrameClock *clock,
           Waiter        *waiter)
{
  waiter->layout_at = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          Waiter        *waiter)
{
  waiter->paint_at = g_get_monotonic_time ();
}

/* GTK's own handler of GdkSurface::render draws and stops the emission, so
 * a hook, which runs before every handler, notes that the frame drew. The
 * region is empty for a redraw GTK asked for itself: the renderer finds
 * what changed on its own. */
static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  Waiter *waiter = user_data;
  GdkSurface *surface = g_value_get_object (&values[0]);

  if (waiter->in_paint && surface == waiter->surface)
    waiter->rendered = TRUE;
  return TRUE;
}

/* A frame counts when its paint phase began after the wait did, the surface
 * was rendered in it, and the widget to check was on screen. */
static void
after_paint_cb (GdkFrameClock *clock,
                Waiter        *waiter)
{
  if (!waiter->painted && waiter->in_paint && waiter->rendered &&
      (waiter->check == NULL || gtk_widget_get_mapped (waiter->check)))
    {
      waiter->painted = TRUE;
      waiter->painted_at = g_get_monotonic_time ();
      waiter->painted_cpu = cpu_time ();
    }
  waiter->in_paint = FALSE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Waiter *waiter = user_data;

  waiter->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the window's frame clock has painted once more,
 * or gives up after @timeout_ms and returns %FALSE. */
static gboolean
wait_for_paint (GtkWidget *window,
                Waiter    *waiter,
                guint      timeout_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint render_id = g_signal_lookup ("render", GDK_TYPE_SURFACE);
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), waiter);
  gulong layout = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), waiter);
  gulong paint = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), waiter);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), waiter);
  gulong hook = g_signal_add_emission_hook (render_id, 0, render_hook, waiter, NULL);
  guint source = g_timeout_add (timeout_ms, timeout_cb, waiter);

  waiter->surface = gtk_native_get_surface (GTK_NATIVE (window));
  while (!waiter->painted && !waiter->timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, layout);
  g_signal_handler_disconnect (clock, paint);
  g_signal_handler_disconnect (clock, after);
  g_signal_remove_emission_hook (render_id, hook);
  if (!waiter->timed_out)
    g_source_remove (source);
  return waiter->painted;
}

/* Lets the text view finish laying out the rest of the article in the
 * background, so that the edits below are timed on a quiet window. */
static double
settle (GtkWidget *window)
{
  gint64 start = g_get_monotonic_time ();
  gint64 last_paint = start;

  while (g_get_monotonic_time () - start < 30 * G_USEC_PER_SEC)
    {
      Waiter waiter = { 0, };

      if (!wait_for_paint (window, &waiter, 500))
        break;
      last_paint = waiter.painted_at;
    }

  return (last_paint - start) / 1000.0;
}

static double
ms_since (gint64 start,
          gint64 end)
{
  return (end - start) / 1000.0;
}

/* One timed edit: how long the action took, and how long from its start
 * until the first frame painted after it, or a negative paint time when
 * none was painted or the edit did not happen; and where that time went:
 * waiting for the frame, its layout phase, its paint phase. */
typedef struct
{
  double action_ms;
  double paint_ms;
  double wait_ms;
  double layout_ms;
  double render_ms;
  double cpu_ms;
} Timing;

static Timing
finish_edit (GtkWidget *window,
             gint64     start,
             gint64     start_cpu,
             gboolean   done)
{
  Waiter waiter = { 0, };
  Timing timing;
  gint64 acted = g_get_monotonic_time ();

  timing.action_ms = ms_since (start, acted);
  wait_for_paint (window, &waiter, PAINT_TIMEOUT_MS);
  timing.paint_ms = done && waiter.painted ? ms_since (start, waiter.painted_at) : -1;
  timing.wait_ms = ms_since (acted, waiter.frame_at);
  timing.layout_ms = ms_since (waiter.frame_at, waiter.layout_at);
  timing.render_ms = ms_since (waiter.layout_at, waiter.paint_at);
  timing.cpu_ms = ms_since (start_cpu, waiter.painted_cpu);

  return timing;
}

/* A range near the top, on screen, that no annotation covers exactly,
 * tagged as a person would: select it, and once the selection is shown,
 * the action key 3 activates. The clock starts with the action. */
static Timing
edit_add (MgWindow   *window,
          MgDocument *document,
          guint       round)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  guint before = mg_annotation_store_get_n_annotations (store);
  guint start_offset = 2 + (round % 40) * 18;
  gint64 start, start_cpu;

  mg_article_view_select_range (window->article_view, start_offset, start_offset + 10);
  settle (GTK_WIDGET (window));

  start_cpu = cpu_time ();
  start = g_get_monotonic_time ();
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "claim"))
    g_error ("win.tag is missing");
  return finish_edit (GTK_WIDGET (window), start, start_cpu,
                      mg_annotation_store_get_n_annotations (store) == before + 1);
}

/* An annotation on screen, clicked (selected and outlined), then deleted
 * with the Delete key's action. */
static Timing
edit_remove (MgWindow   *window,
             MgDocument *document,
             guint       round)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  guint before = mg_annotation_store_get_n_annotations (store);
  MgAnnotation *victim = mg_annotation_store_get_annotation (store, 8 + round % 40);
  gint64 start, start_cpu;

  mg_article_view_set_selected (window->article_view, victim);
  settle (GTK_WIDGET (window));

  start_cpu = cpu_time ();
  start = g_get_monotonic_time ();
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL))
    g_error ("win.delete is missing");
  return finish_edit (GTK_WIDGET (window), start, start_cpu,
                      mg_annotation_store_get_n_annotations (store) == before - 1);
}

static Timing
edit_undo (MgWindow   *window,
           MgDocument *document)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  guint before = mg_annotation_store_get_n_annotations (store);
  gint64 start_cpu = cpu_time ();
  gint64 start = g_get_monotonic_time ();

  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL))
    g_error ("win.undo is missing");
  return finish_edit (GTK_WIDGET (window), start, start_cpu,
                      mg_annotation_store_get_n_annotations (store) == before + 1);
}

static Timing
edit_undo_all (MgWindow   *window,
               MgDocument *document,
               guint       expected)
{
  gint64 start_cpu = cpu_time ();
  gint64 start = g_get_monotonic_time ();

  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL))
    g_error ("win.undo is missing");
  return finish_edit (GTK_WIDGET (window), start, start_cpu,
                      mg_annotation_store_get_n_annotations (mg_document_get_store (document)) == expected);
}

/* Find: a phrase typed and Enter pressed, every match highlighted, to the
 * frame painted; then Escape, every highlight taken away. */
static Timing
edit_find (MgWindow   *window,
           const char *phrase)
{
  gint64 start_cpu = cpu_time ();
  gint64 start = g_get_monotonic_time ();

  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL))
    g_error ("win.find is missing");
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), phrase);
  g_signal_emit_by_name (window->search_entry, "activate");
  return finish_edit (GTK_WIDGET (window), start, start_cpu,
                      _mg_window_find_get_n_matches (window, NULL) > 0);
}

static Timing
edit_close_find (MgWindow *window)
{
  gint64 start_cpu = cpu_time ();
  gint64 start = g_get_monotonic_time ();

  g_signal_emit_by_name (window->search_entry, "stop-search");
  return finish_edit (GTK_WIDGET (window), start, start_cpu,
                      _mg_window_find_get_n_matches (window, NULL) == 0);
}

static int
compare_timings (gconstpointer a,
                 gconstpointer b)
{
  const Timing *ta = a, *tb = b;

  return (ta->paint_ms > tb->paint_ms) - (ta->paint_ms < tb->paint_ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  const double *da = a, *db = b;

  return (*da > *db) - (*da < *db);
}

static double
median_of (Timing *timings,
           guint   n,
           gsize   member)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &timings[i], member);
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

static void
print_timings (const char *what,
               Timing     *timings,
               guint       n)
{
  qsort (timings, n, sizeof (Timing), compare_timings);
  if (timings[0].paint_ms < 0)
    {
      printf ("%-22s FAILED (no edit, or no frame within %d ms)\n", what, PAINT_TIMEOUT_MS);
      return;
    }
  printf ("%-22s %8.2f ms median to the frame painted (min %.2f, max %.2f)\n",
          what, timings[n / 2].paint_ms, timings[0].paint_ms, timings[n - 1].paint_ms);
  printf ("%-22s          medians: action %.2f, wait %.2f, layout %.2f, paint %.2f ms;"
          " processor time %.2f ms\n",
          "", median_of (timings, n, G_STRUCT_OFFSET (Timing, action_ms)),
          median_of (timings, n, G_STRUCT_OFFSET (Timing, wait_ms)),
          median_of (timings, n, G_STRUCT_OFFSET (Timing, layout_ms)),
          median_of (timings, n, G_STRUCT_OFFSET (Timing, render_ms)),
          median_of (timings, n, G_STRUCT_OFFSET (Timing, cpu_ms)));
}

/* What the process holds now, from /proc: the peak alone hides whether
 * memory stays or was a passing need (a draft being written, Tag All). */
static double
resident_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* The window's autosave, asked for now: the draft is serialised in
 * slices of the main loop and streamed to disk by a thread. Prints how
 * many slices it took, the longest (what the window is held for) and all
 * of them together, and the wall and processor time to the draft on disk. */
static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mg_session_save_draft_finish (MG_SESSION (object), result, &error))
    g_error ("The draft was not written: %s", error->message);
  *(gboolean *)user_data = TRUE;
}

static void
print_draft (MgWindow *window)
{
  MgSession *session = window->session;
  gboolean done = FALSE;
  gint64 start, start_cpu;
  g_autofree char *path = NULL;
  GStatBuf st = { 0 };

  /* Opened work has nothing unsaved: a draft is written only of work
   * that has. */
  mg_history_mark_modified (mg_session_get_history (session));
  start_cpu = cpu_time ();
  start = g_get_monotonic_time ();
  mg_session_save_draft_async (session, NULL, draft_saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  path = mg_drafts_get_dataset_path (session->drafts, session->draft_key);
  g_stat (path, &st);
  printf ("draft written          %8u slices, the longest %.2f ms, %.2f ms in all on the main loop\n",
          session->draft_slices, session->draft_slice_max_usec / 1000.0,
          session->draft_slice_total_usec / 1000.0);
  printf ("%-22s %8.2f ms to the file on disk (processor %.2f ms), %.1f MB\n", "",
          ms_since (start, g_get_monotonic_time ()), ms_since (start_cpu, cpu_time ()),
          st.st_size / (1024.0 * 1024.0));
  mg_history_mark_saved (mg_session_get_history (session));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MgApplication) app = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(MgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree Timing *added = NULL, *removed = NULL, *undone = NULL;
  g_autofree Timing *found = NULL, *closed = NULL;
  struct rusage usage;
  int rounds = N_ROUNDS;
  double megabytes = MEGABYTES;
  int n_annotations = N_ANNOTATIONS;
  const GOptionEntry entries[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Times each edit is repeated (9)", "N" },
    { "megabytes", 0, 0, G_OPTION_ARG_DOUBLE, &megabytes, "Size of the article's text (1)", "N" },
    { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Annotations on it (20000)", "N" },
    { NULL }
  };
  MgWindow *window;
  Waiter waiter = { 0, };
  gint64 start, start_cpu, built, built_cpu, opened, opened_cpu, process_ms;

  context = g_option_context_new ("- time a big article in the window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 2;
    }
  rounds = CLAMP (rounds, 1, 1000);
  if (megabytes <= 0 || megabytes > 1024 || n_annotations < 1)
    {
      g_printerr ("bench-window: --megabytes must be in (0, 1024], --annotations at least 1\n");
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-window needs a display; run it under xvfb-run\n");
      return 1;
    }

  /* A blinking caret would paint frames of its own and spoil the timing. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  print_load ();
  start_cpu = cpu_time ();
  start = g_get_monotonic_time ();
  document = build_document ((gsize) (megabytes * 1024 * 1024), (guint) n_annotations);
  dataset = mg_dataset_new ();
  mg_dataset_add_document (dataset, document);
  built = g_get_monotonic_time ();
  built_cpu = cpu_time ();
  printf ("article                %8zu bytes, %u code points, %u paragraphs, %u annotations\n",
          mg_document_get_text_bytes (document), mg_document_get_length (document),
          count_lines (mg_document_get_text (document)),
          mg_annotation_store_get_n_annotations (mg_document_get_store (document)));
  printf ("load (model build)     %8.2f ms (processor %.2f ms)\n",
          ms_since (start, built), ms_since (start_cpu, built_cpu));

  app = mg_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  /* The window opens with the article in it, as when the application is
   * started on a file: the first frame is timed from the start of the
   * process to the end of the first frame rendered with the article on
   * screen, and from the call that opens the document. */
  waiter = (Waiter) { 0, };
  window = mg_window_new (app);
  waiter.check = GTK_WIDGET (window->article_view);
  start_cpu = cpu_time ();
  start = g_get_monotonic_time ();
  mg_window_set_dataset (window, dataset, NULL);
  opened = g_get_monotonic_time ();
  opened_cpu = cpu_time ();
  gtk_window_present (GTK_WINDOW (window));
  if (!wait_for_paint (GTK_WIDGET (window), &waiter, 60000))
    g_error ("The article never painted");
  process_ms = since_process_start () - (g_get_monotonic_time () - waiter.painted_at);
  printf ("first frame            %8.2f ms from process start (processor %.2f ms)\n",
          process_ms / 1000.0, waiter.painted_cpu / 1000.0);
  printf ("%-22s %8.2f ms from opening (processor %.2f ms): opening %.2f (processor %.2f),"
          " wait %.2f, layout %.2f, paint %.2f ms\n", "",
          ms_since (start, waiter.painted_at), ms_since (start_cpu, waiter.painted_cpu),
          ms_since (start, opened), ms_since (start_cpu, opened_cpu),
          ms_since (opened, waiter.frame_at),
          ms_since (waiter.frame_at, waiter.layout_at), ms_since (waiter.layout_at, waiter.paint_at));
  start_cpu = cpu_time ();
  printf ("layout settled         %8.2f ms later", settle (GTK_WIDGET (window)));
  printf (" (processor %.2f ms)\n", ms_since (start_cpu, cpu_time ()));
  print_draft (window);
  getrusage (RUSAGE_SELF, &usage);
  printf ("memory, opened         %8.1f MB resident, peak %.1f MB\n",
          resident_mb (), usage.ru_maxrss / 1024.0);

  added = g_new0 (Timing, rounds);
  removed = g_new0 (Timing, rounds);
  undone = g_new0 (Timing, rounds);
  for (guint round = 0; round < (guint) rounds; round++)
    {
      added[round] = edit_add (window, document, round);
      settle (GTK_WIDGET (window));
      removed[round] = edit_remove (window, document, round);
      settle (GTK_WIDGET (window));
      undone[round] = edit_undo (window, document);
      settle (GTK_WIDGET (window));
    }
  print_timings ("add one", added, (guint) rounds);
  print_timings ("remove one", removed, (guint) rounds);
  print_timings ("undo the removal", undone, (guint) rounds);

  found = g_new0 (Timing, rounds);
  closed = g_new0 (Timing, rounds);
  for (guint round = 0; round < (guint) rounds; round++)
    {
      /* Each round a new phrase, so that nothing is left from the last. */
      found[round] = edit_find (window, round % 2 ? "council" : "harbour");
      settle (GTK_WIDGET (window));
      closed[round] = edit_close_find (window);
      settle (GTK_WIDGET (window));
    }
  edit_find (window, "council");
  printf ("find                   %8u matches of \"council\" highlighted\n",
          _mg_window_find_get_n_matches (window, NULL));
  edit_close_find (window);
  print_timings ("find, all highlighted", found, (guint) rounds);
  print_timings ("close find", closed, (guint) rounds);

  /* Tag All: every match of a word made a span, one undo step, and the
   * step undone, each to the frame painted. */
  {
    Timing tagged, untagged;
    guint before = mg_annotation_store_get_n_annotations (mg_document_get_store (document));

    start_cpu = cpu_time ();
    start = g_get_monotonic_time ();
    gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "council");
    if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-matches", "(ss)", "quote", "document"))
      g_error ("win.tag-matches is missing");
    tagged = finish_edit (GTK_WIDGET (window), start, start_cpu,
                          mg_annotation_store_get_n_annotations (mg_document_get_store (document)) > before);
    printf ("tag all                %8u spans added\n",
            mg_annotation_store_get_n_annotations (mg_document_get_store (document)) - before);
    print_timings ("tag all \"council\"", &tagged, 1);
    settle (GTK_WIDGET (window));
    untagged = edit_undo_all (window, document, before);
    print_timings ("undo the tag all", &untagged, 1);
  }

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak memory            %8.1f MB (%.1f MB resident at the end)\n",
          usage.ru_maxrss / 1024.0, resident_mb ());
  print_load ();

  /* Leaves without the unsaved-changes prompt: the benchmark's edits are
   * not worth keeping. */
  mg_history_mark_saved (mg_window_get_history (window));
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
