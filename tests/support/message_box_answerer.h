#pragma once

// Answers the message boxes a window opens, as a person would: a box runs its
// own event loop, so the answer comes from a timer that looks for it.

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QtTest>

namespace attn::test {

/// While it lives, clicks the button labelled `answer` (without its '&') on
/// every message box that opens, and keeps each box's text and informative
/// text. A box without such a button is rejected (Escape), and `missed`
/// counts it.
class MessageBoxAnswerer : public QObject
{
public:
    explicit MessageBoxAnswerer(QString answer) : m_answer(std::move(answer))
    {
        connect(&m_timer, &QTimer::timeout, this, &MessageBoxAnswerer::answerVisibleBox);
        m_timer.start(10);
    }

    /// Changes the answer for the boxes still to come.
    void setAnswer(const QString &answer) { m_answer = answer; }

    QStringList texts;
    QList<QStringList> buttons; ///< each box's button labels, in order
    int missed = 0;

private:
    void answerVisibleBox()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible() || box == m_lastAnswered)
            return;
        m_lastAnswered = box;
        texts << box->text() + QLatin1Char('\n') + box->informativeText();
        QStringList labels;
        QAbstractButton *chosen = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            const QString label = button->text().remove(QLatin1Char('&'));
            labels << label;
            if (label == m_answer)
                chosen = button;
        }
        buttons << labels;
        if (chosen) {
            QTest::mouseClick(chosen, Qt::LeftButton);
        } else {
            ++missed;
            box->reject();
        }
    }

    QString m_answer;
    QTimer m_timer;
    QPointer<QMessageBox> m_lastAnswered;
};

} // namespace attn::test
