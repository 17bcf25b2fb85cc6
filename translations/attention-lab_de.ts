<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ColorMap</name>
    <message>
        <source>Viridis (purple – yellow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cividis (blue – yellow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Magma (black – purple – yellow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue – white – red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purple – white – orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greys (for black-and-white print)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>%1: cannot write the output: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (see %2 --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presets takes no arguments, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--preset belongs to compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute takes one FILE, found %1 arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give compute either a FILE or --preset NAME, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute needs a FILE or --preset NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export, export-latex: the stage (embeddings, queries, keys, values, scores, scaled, masked, weights, output, concat, projected; export also: pipeline).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: the head of per-head stages, from 1 (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: png, svg or pdf (default: from --out&apos;s suffix).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export commands: the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: the width in pixels (default 1200).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: the height in pixels (default 900).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: PNG pixels per pixel, 1 to 4 (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export, export-deck: light (default) or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THEME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: on (default) or off, the numbers in the cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on|off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: no background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export-latex: decimals of the numbers, 0 to 10 (default 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export-deck: widescreen (16:9, default) or a4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --out PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown stage &quot;%1&quot;; the stages are %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs --stage STAGE (%1 or pipeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; give png, svg or pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --format png, svg or pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3, found &quot;%4&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--scale must be a number from 1 to %1, found &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--values must be on or off, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--theme must be light or dark, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--decimals must be a whole number from 0 to 10, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page must be widescreen or a4, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this scenario has no %1 stage (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has one head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no W_O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--head must be a whole number from 1 to %1, found &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute, export commands: the built-in scenario NAME instead of a file (see: presets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute, presets, export, export-deck, export-code, export-latex or export-csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute, export commands: the scenario file (.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 belongs to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes one FILE, found %2 arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give %1 either a FILE or --preset NAME, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a FILE or --preset NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--preset belongs to compute and the export commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; the commands are compute, presets, export, export-deck, export-code, export-latex and export-csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export, export-deck: the colour map of the weights (viridis, default; cividis; magma) or of the signed stages (rdbu, default; puor), or greys for both; may be given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export-deck: the guided lesson instead of a scenario, one step a page: the shipped lesson, or the lesson.json (or its folder) given as PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown colour map &quot;%1&quot;; the colour maps are %2 (for the weights), %3 (for the signed stages) and %4 (for both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention Lab: learn the attention mechanism by doing it.

Commands:
  compute FILE           print every matrix the scenario FILE computes, as JSON
  compute --preset NAME  the same for a built-in scenario
  presets                list the built-in scenarios
  export (FILE | --preset NAME) --stage STAGE --out PATH [--format png|svg|pdf]
         [--head N] [--width W --height H --scale S] [--theme light|dark]
         [--values on|off] [--transparent] [--colormap NAME]
                         one stage&apos;s heatmap, or --stage pipeline, as a figure
  export-deck (FILE | --preset NAME) --out deck.pdf [--page widescreen|a4]
         [--theme light|dark] [--colormap NAME]
                         the pipeline as a PDF deck, one stage a page
  export-deck --lesson [PATH] --out lesson.pdf [--page ...] [--theme ...]
                         the guided lesson (the shipped one, or the lesson.json
                         or folder PATH) as a PDF deck, one step a page
  export-code (FILE | --preset NAME) --out attention.py
                         a NumPy script that computes the same numbers
  export-latex (FILE | --preset NAME) [--stage STAGE] [--decimals D] --out PATH
                         the matrices as LaTeX bmatrix blocks
  export-csv (FILE | --preset NAME) --out PATH
                         every matrix as CSV, one section each

Without a command the window opens on the tutorial&apos;s example,
or on FILE.json when a scenario file is given.
Exit status: 0 done, 1 the output could not be written,
2 bad arguments or a bad scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give export-deck either --lesson [PATH] or a FILE or --preset NAME, not both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NaN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−infinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sequence has no tokens; attention needs at least one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens is more than the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 is larger than the limit of %3 rows or columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 numbers, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 × %2, found %3 × %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 token names for %2 embedding rows; give one name per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number the engine can use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs at least one head, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its %1 columns cannot be split into %2 equal heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the temperature τ must be a number greater than 0, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the divisor must be a number greater than 0, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window D must be 0 or more, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local-p needs a window D of at least 1, because σ = D/2 must be above 0; found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing, but the chosen options need it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one flag per key token (%1), found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplanationText</name>
    <message>
        <source>The word&apos;s embedding as given (plus the encoding of its position, when positional encoding is on).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row of the embeddings times a column of the weight matrix: multiply pairwise, then add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well the query matches the key: the dot product is large when the two vectors point the same way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mix of the value rows, each weighted by how much this word attends to that word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output projection W_O mixes the heads&apos; outputs into one vector per word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The general score lets a learned matrix W_a decide which features of the query should match which features of the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The additive (Bahdanau) score feeds query and key through a small one-layer network and reads the result with v_a.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dividing by √d_k keeps the scores&apos; spread the same whatever the key size: the variance of q·k grows with d_k, and large scores would saturate the softmax. A temperature τ above 1 flattens the weights, below 1 sharpens them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not masked: the scaled score passes through unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked with −∞: this key comes after the query, and a decoder may not look at words it has not produced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked with −∞: this key is padding, not a real word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked with −∞: this key lies outside the local window around the aligned position p_t.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exp(−∞) = 0: a masked key gets no weight at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exp makes every score positive and dividing by the row&apos;s sum makes the weights add up to 1. Subtracting the row&apos;s maximum first keeps exp from overflowing and does not change the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local-p: the softmax over the window, multiplied by a Gaussian centred on the predicted position p_t (σ = D/2), so keys near p_t count most. The row no longer sums to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard attention puts all the weight on the key with the largest soft weight. Picking the arg-max is a step, with no gradient with respect to the scores, so hard attention cannot be trained by backpropagation directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stochastic hard attention draws one key, each with probability equal to its soft weight (the seed makes the draw repeatable), and puts all the weight on it. A draw has no gradient either; it is trained with sampling-based estimators instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key of this row is masked: there is nothing to attend to, so the weights are 0 and the output is the zero vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The heads&apos; outputs are laid side by side: this value is copied from one head&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this required key is missing; expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key; expected one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected 1, found %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonFile</name>
    <message>
        <source>chapter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a name, found an empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object { … } at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, found %2; this is not an Attention Lab lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lesson has version %1, but this Attention Lab reads version %2; open it with a newer Attention Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of chapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a lesson needs at least one chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another chapter has the same id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a chapter needs at least one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another step of this chapter has the same id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path of a Markdown file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a matrix id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give &quot;preset&quot; or &quot;scenario&quot;, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario file %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows and columns are 0 or more, or −1 for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;argmax&quot;, &quot;compare&quot; or &quot;all&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;&lt;&quot;, &quot;&lt;=&quot;, &quot;&gt;&quot; or &quot;&gt;=&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;read&quot;, &quot;predict&quot;, &quot;try&quot; or &quot;by-hand&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected 0 or more, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least two choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the index of a choice, 0 to %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;correct&quot; goes with &quot;choices&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of cell edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one cell edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number of 0 or more, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Markdown file %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no title: the file needs a &quot;# &quot; heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the section &lt;!-- %1 --&gt; is missing or empty; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a predict step asks it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a predict step answers a right guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a predict step answers a wrong guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the section &lt;!-- choices --&gt; lists %1 choices, but the activity has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it states the goal of a try step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a try step offers a hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a by-hand step asks it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario of this step has no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell (%1, %2) lies outside %3, which is %4 × %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario of this step has %1 head(s), numbered from 0; found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario of this step has no %1 stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1 lies outside %2, which has %3 rows (numbered from 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 lies outside %2, which has %3 columns (numbered from 0)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>The tutorial&apos;s example: four words, weights from np.random.seed(42)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal mask: each word sees only itself and the words before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding mask: the &lt;pad&gt; tokens get no attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-attention: French queries over an English source (la maison bleue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local attention, monotonic: a window of D = 1 around each word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local attention, predictive: each word predicts where to look, Gaussian window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard attention: all weight on the highest score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stochastic hard attention: one key drawn from the softmax, seed 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General score q W_a kᵀ (Luong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additive score v_aᵀ tanh(q W_a + k U_a) (Bahdanau)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-head attention: two heads, concatenated and projected by W_O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinusoidal positional encoding tells two equal words apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot;; the presets are: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preset %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioFile</name>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 2^53, or a larger one as a string of digits, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a row (a list of numbers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 numbers like the first row, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;sqrt_dk&quot;, &quot;none&quot; or a number, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has version %1, but this Attention Lab reads version %2 and older; open it with a newer Attention Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not valid JSON at line %2, column %3 (byte offset %4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a JSON object { … } at the top level, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, found %2; this is not an Attention Lab scenario</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageText</name>
    <message>
        <source>Embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaled scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concatenated heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output projection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X = word embeddings + sinusoidal positions, %1 (words × d_model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X = one row per word, %1 (words × d_model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q = X · W_Q = %1 · %2 = %3: what each word is looking for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K = %1 · W_K = %2: what each word offers to be found by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V = %1 · W_V = %2: what each word passes on when attended to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score[i][j] = q_i · k_j, all at once: scores = Q · Kᵀ (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score[i][j] = q_i · W_a · k_jᵀ (general score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score[i][j] = v_aᵀ · tanh(q_i · W_a + k_j · U_a) (additive score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>√d_k = √%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (no scaling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled = scores ÷ (s · τ), s = %1, τ = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled = scores ÷ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>later words (causal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys farther than D = %1 from p_t = t (local-m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys farther than D = %1 from the predicted p_t (local-p)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>masked = scaled: nothing is hidden, every word may look at every word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>masked = scaled with −∞ for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights = softmax(masked), row by row: exp(x − max) / Σ exp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> × exp(−(s − p_t)² / 2σ²), σ = D/2 = %1: rows need not sum to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; each row sums to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; hard: 1 at each row&apos;s largest weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; sampled: 1 at a key drawn from the row (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output = weights · V = %1 · %2 = %3: each row a weighted mix of values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concat = [head₁ … head_%1] side by side = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no W_O: the output is the concatenation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output = concat · W_O = %1 · %2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words (as keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys (source words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::Document</name>
    <message>
        <source>Change %1[%2][%3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste into %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::ExplanationPanel</name>
    <message>
        <source>&lt;b&gt;Point at any cell&lt;/b&gt; of a heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its working appears here with the numbers, and the cells it came from are outlined in the other heatmaps. Click a cell to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 looking at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::ExportActions</name>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stage&apos;s heatmap or the whole pipeline as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the current stage&apos;s heatmap as an image (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline &amp;deck (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;esson deck (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NumPy script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;LaTeX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export pipeline deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export lesson deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export NumPy script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export LaTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimals of the numbers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LaTeX files (*.tex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::ExportDialog</name>
    <message>
        <source>Export figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× (sharp on %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordinary screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high-resolution screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4K projectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers in the cells (where they fit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light slide: white background, dark text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark slide: dark background, light text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;eight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pixels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the figure to the clipboard, as an image and as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 (vector, 96 per inch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG files (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figure was not saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colours of the attention weights (0 to 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colours of the other stages: negative, 0, positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours, &amp;weights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours, si&amp;gned:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::FileActions</name>
    <message>
        <source>Attention Lab scenarios (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New from the tutorial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scenario has changes that are not saved. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Your current work is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Your work is still open; try another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load the preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset “%1” loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::HeatmapView</name>
    <message>
        <source>?</source>
        <comment>value of a cell the learner has not computed yet</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−∞</source>
        <comment>a masked cell</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <comment>a stage the learner has not computed yet</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NaN</source>
        <comment>an undefined value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∞</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::KindOptions</name>
    <message>
        <source>Use cross-attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use self-attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the output projection W_O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the output projection W_O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-attention: queries, keys and values all come from one sentence. Cross-attention: the queries come from the target sentence, the keys and values from a source sentence, as a translating decoder looks at the words it translates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinusoidal positional encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds PE(pos, 2i) = sin(pos / 10000^(2i/d_model)) and PE(pos, 2i+1) = cos(…) to the embeddings. Without it attention cannot see word order: shuffle the words and the weights are only shuffled too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output projection W_O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies the concatenated head outputs by W_O (d_v × d_v, starting as the identity), which mixes what the heads found into one result.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::LessonActions</name>
    <message>
        <source>Guided lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided &amp;lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the guided lesson (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in lesson cannot be read:

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention Lab lessons (lesson.json);;JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The current lesson stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson “%1” opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::LessonActivityView</name>
    <message>
        <source>Your value, e.g. 0.75</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the change for me (Ctrl+Z takes it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the value and how it is computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Right.**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Not quite.**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick your answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite ✗ — see why above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done ✓ — the goal holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet: edit the matrices until the goal holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your value and press Check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite ✗ — try again, or show the working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number, e.g. 10 or 0.75.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show me: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::LessonPanel</name>
    <message>
        <source>Jump to a chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the workbench up as this step shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson is installed. Open one with Lesson ▸ Open lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace your changes with the next step&apos;s example?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace your changes with that step&apos;s example?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed the workbench in this step. Stay to keep working on it; Undo (Ctrl+Z) cannot bring it back once replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the lesson step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::MainWindow</name>
    <message>
        <source>Words and embeddings X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source words and embeddings X_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_Q (d_model × d_k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_K (d_model × d_k)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_V (d_model × d_v)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_O (d_v × d_out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_a (score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U_a (additive score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v_a (additive score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W_p (local-p position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v_p (local-p position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point at a cell to see how it was computed; drag a number left or right to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Attention Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Attention Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Attention Lab %1&lt;/h3&gt;&lt;p&gt;Learn the attention mechanism by doing it: edit the embeddings and W_Q, W_K, W_V, step through scores, scaling, masking, softmax and the weighted sum, and watch every matrix change.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Attention Lab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::MaskOptions</name>
    <message>
        <source>Mask: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the window D to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the padding mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat key %1 as padding: every query gives it weight 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which keys a query sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal: query i may not look at a later key j &gt; i. Its score becomes −∞ before the softmax, so its weight is exactly 0. A decoder needs this so that a word cannot see the words it has to predict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding: hide these keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding fills short sentences up to the length of the longest in a batch. A ticked key&apos;s score becomes −∞, so no query gives it any weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window D:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local-m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which keys a query may look at (Luong et al. 2015).
Global: every key.
Local-m (monotonic): only keys within D of the aligned position p_t = t.
Local-p (predictive): the model predicts p_t = S·sigmoid(v_pᵀ tanh(W_p h_t)) and weights the window by a Gaussian exp(−(s − p_t)²/(2σ²)), σ = D/2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D: the half-width of the local window [p_t − D, p_t + D]. Local-p needs D ≥ 1 because σ = D/2 must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::MatrixEditor</name>
    <message>
        <source>Type a number, drag a cell left or right to scrub it (Shift: steps of 1), Alt+↑/↓ or Alt+wheel to nudge by 0.1, Ctrl+↑/↓ or Ctrl+wheel by 1. Ctrl+V pastes a block from a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::MatrixModel</name>
    <message>
        <source>The word&apos;s name, shown on the heatmaps&apos; axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 — type a number, drag left or right to scrub, Alt+↑/↓ to nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a number; the value stays %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste into %1: “%2” at %3 is not a number; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word %1: a word needs a name; it stays “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename word %1 to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::OptionsPanel</name>
    <message>
        <source>This scenario cannot be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::PipelineView</name>
    <message>
        <source>Head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each head has its own scores, weights and output; choose which one the heatmaps show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the last revealed stage (Alt+←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the next stage of the pipeline (Alt+→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal every stage (Alt+End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This scenario cannot be computed:&lt;/b&gt; %1. The heatmaps show the last scenario that could; fix the value or undo (Ctrl+Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stage %1 of %2 · %3&lt;/b&gt; — %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::RandomiseOptions</name>
    <message>
        <source>Randomise the weights (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integers 0–2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian N(0, 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integers 0–2: like the tutorial&apos;s np.random.randint(3). Gaussian: N(0, 1), rounded to two decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed always draws the same weights: note it down to get them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws new W_Q, W_K and W_V (and W_O and the score and position parameters when they are used) from the seed. The words stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::ScoreOptions</name>
    <message>
        <source>Score function: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divide the scores by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the temperature τ to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score(q, k) = q · k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score(q, k) = q W_a kᵀ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score(q, k) = v_aᵀ tanh(q W_a + k U_a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divisor s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature τ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dot product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How a query q is compared with a key k.
Dot: q·k, as in the Transformer.
General: q W_a kᵀ, a learnt matrix between them (Luong).
Additive: v_aᵀ tanh(q W_a + k U_a), a small network (Bahdanau).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>÷√d_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom ÷s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the scores are divided by before the softmax. Why √d_k: q·k adds up d_k products, so its variance grows with d_k. Large scores saturate the softmax: the weights become nearly one-hot and the gradients vanish. Dividing by √d_k keeps the variance near 1. With h heads the divisor is √(d_k/h), the size of one head.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number s the scores are divided by when the scaling is custom. Try a small s to watch the softmax saturate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>softmax(scores / τ). τ &lt; 1 sharpens the weights towards the largest score (τ → 0: one-hot); τ &gt; 1 flattens them towards equal weights (τ → ∞: uniform). τ = 1 leaves the softmax as it is; the slider rests there in the middle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::SelectionOptions</name>
    <message>
        <source>Selection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the sampling seed to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard (arg max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft: the weights are the softmax, every key contributes.
Hard: all the weight goes to the key with the largest score.
Sampled: one key drawn at random from the softmax (stochastic hard attention, “Show, attend and tell”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed of the random draw of sampled attention: the same seed draws the same keys every time, on every machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not differentiable: a one-hot choice has no gradient with respect to the scores.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attn::ui::ShapeOptions</name>
    <message>
        <source>Set d_model to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set d_k to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set d_v to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the number of words to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the number of source words to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_k raised to %1 and d_v to %2 so that %3 heads split them evenly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_k raised to %1 so that %2 heads split it evenly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_v raised to %1 so that %2 heads split it evenly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the number of heads to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads h:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_v:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-head attention splits Q, K and V by columns into h slices of d_k/h and d_v/h. Each head computes its own weights, so different heads can attend to different words; their outputs are concatenated (and projected by W_O). d_k and d_v are raised when they do not split evenly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_model: the length of each word&apos;s embedding, the columns of X and the rows of W_Q, W_K and W_V. A new feature starts at 0 in every word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_k: the length of queries and keys, the columns of W_Q and W_K. A score q·k adds up d_k products, so its spread grows with d_k. Steps of h keep it splitting evenly over the heads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_v: the length of the values, the columns of W_V. Each output row is a weighted average of value rows, so it has d_v numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of words in the sentence (rows of X). A new word gets a one-hot embedding; removing words keeps the first ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With cross-attention: the number of words in the source sentence, which gives the keys and the values.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
