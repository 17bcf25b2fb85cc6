#pragma once

// A small lesson for the player's tests, written into a temporary folder:
//   chapter "basics": "intro" (read; the tutorial, revealed up to the scores),
//                     "predict" (which key does word_1 attend to most? word_3),
//                     "choose" (predict with two choices, the second right)
//   chapter "doing":  "try" (make word_2 attend most to word_4: W_K[2][0] = 3),
//                     "hand" (score[0][2] by hand: q0·k2 = 2·2 + 0·4 + 2·3 = 10),
//                     "causal" (the causal preset, a fresh example)

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace lesson_fixture {

inline QJsonObject manifest()
{
    const auto json = [](const char *text) {
        return QJsonDocument::fromJson(QByteArray(text)).object();
    };
    return json(R"({
  "format": "attention-lab-lesson",
  "version": 1,
  "id": "test-lesson",
  "title": "A test lesson",
  "title@de": "Eine Testlektion",
  "chapters": [
    {
      "id": "basics",
      "title": "Basics",
      "title@de": "Grundlagen",
      "steps": [
        {"id": "intro", "text": "basics/intro.md",
         "setup": {"preset": "tutorial", "reveal": "scores",
                   "highlight": [{"stage": "scores", "row": 0, "col": -1}], "focus": "w_k"}},
        {"id": "predict", "text": "basics/predict.md",
         "setup": {"reveal": "scaled"},
         "activity": {"type": "predict", "stage": "weights", "head": 0, "row": 0, "reveal": "weights"}},
        {"id": "choose", "text": "basics/choose.md",
         "activity": {"type": "predict", "choices": ["flat", "sharp"], "correct": 1}}
      ]
    },
    {
      "id": "doing",
      "title": "Doing",
      "steps": [
        {"id": "try", "text": "doing/try.md",
         "setup": {"preset": "tutorial", "options": {"temperature": 1}, "focus": "w_k"},
         "activity": {"type": "try",
                      "goal": {"kind": "argmax", "stage": "weights", "head": 0, "row": 1, "col": 3},
                      "solution": [{"matrix": "w_k", "row": 2, "col": 0, "value": 3}]}},
        {"id": "hand", "text": "doing/hand.md",
         "setup": {"preset": "tutorial", "reveal": "keys"},
         "activity": {"type": "by-hand", "stage": "scores", "head": 0, "row": 0, "col": 2, "tolerance": 0.005}},
        {"id": "causal", "text": "doing/causal.md",
         "setup": {"preset": "causal", "options": {"temperature": 2}, "reveal": "masked"}}
      ]
    }
  ]
})");
}

inline QMap<QString, QByteArray> markdownFiles()
{
    return {
        {QStringLiteral("basics/intro.md"),
         "# Four words\n\nEach word is a row of **X**.\n"},
        {QStringLiteral("basics/intro.de.md"),
         "# Vier Wörter\n\nJedes Wort ist eine Zeile von **X**.\n"},
        {QStringLiteral("basics/predict.md"),
         "# Guess first\n\nThe scores are known.\n\n<!-- question -->\nWhich word will word_1 "
         "attend to most?\n\n<!-- right -->\nYes: its score 10 is the largest.\n\n<!-- wrong "
         "-->\nLook at the largest score of row 0.\n"},
        {QStringLiteral("basics/choose.md"),
         "# Temperature\n\n<!-- question -->\nA small τ makes the weights…\n\n<!-- choices "
         "-->\n- flatter\n- sharper\n\n<!-- right -->\nRight.\n\n<!-- wrong -->\nNo.\n"},
        {QStringLiteral("doing/try.md"),
         "# Your turn\n\nChange W_K.\n\n<!-- question -->\nMake word_2 attend most to "
         "word_4.\n\n<!-- hint -->\nk_4 is the last row of W_K.\n\n<!-- right -->\nDone: word_4 "
         "wins.\n"},
        {QStringLiteral("doing/hand.md"),
         "# By hand\n\n<!-- question -->\nWhat is score[0][2] = q0·k2?\n\n<!-- hint -->\nq0 = [2, "
         "0, 2].\n\n<!-- right -->\nRight: 10.\n\n<!-- wrong -->\nNot quite.\n"},
        {QStringLiteral("doing/causal.md"), "# A decoder\n\nNo peeking ahead.\n"},
    };
}

/// Writes the lesson into `folder`; returns the manifest's path.
inline QString write(const QString &folder, const QJsonObject &lesson = manifest(),
                     const QMap<QString, QByteArray> &files = markdownFiles())
{
    QDir dir(folder);
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QString path = dir.filePath(it.key());
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(it.value());
    }
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(lesson).toJson());
    return path;
}

} // namespace lesson_fixture
