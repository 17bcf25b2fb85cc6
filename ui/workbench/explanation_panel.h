#pragma once

#include "explanation.h"

#include <QWidget>

class QLabel;

namespace attn::ui {

class Document;

/// Shows how one cell came about: the working with the numbers (from the
/// engine) and a sentence, in the learner's language, saying what it means.
class ExplanationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExplanationPanel(Document *document, QWidget *parent = nullptr);

    void showExplanation(const Explanation &explanation);
    void clear();

    /// The working as shown, e.g. "score[0][2] = q0·k2 = 2·2 + 0·4 + 2·3 = 10".
    QString workingText() const;
    /// The sentence that goes with it.
    QString meaningText() const;

private:
    Document *m_document;
    QLabel *m_heading = nullptr;
    QLabel *m_working = nullptr;
    QLabel *m_meaning = nullptr;
};

} // namespace attn::ui
