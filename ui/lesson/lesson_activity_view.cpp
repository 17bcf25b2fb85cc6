#include "lesson_activity_view.h"

#include "document.h"
#include "explanation_text.h"
#include "heatmap_view.h"
#include "lesson_host.h"
#include "stage_text.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace attn::ui {

namespace {

QString number(double value)
{
    return QString::fromStdString(formatNumber(value));
}

/// A typed number: "10", "0,75", "−1.5" (the minus sign as printed in the text).
std::optional<double> parseTyped(QString text)
{
    text = text.trimmed();
    text.replace(QChar(0x2212), QLatin1Char('-'));
    text.replace(QLatin1Char(' '), QString());
    if (!text.contains(QLatin1Char('.')))
        text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

bool isPerHead(Stage stage)
{
    return stage >= Stage::Scores && stage <= Stage::Output;
}

} // namespace

LessonActivityView::LessonActivityView(LessonHost *host, QWidget *parent)
    : QWidget(parent), m_host(host)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_answerGrid = new QGridLayout;
    layout->addLayout(m_answerGrid);
    auto *typeRow = new QHBoxLayout;
    m_answerEdit = new QLineEdit(this);
    m_answerEdit->setPlaceholderText(tr("Your value, e.g. 0.75"));
    m_checkButton = new QPushButton(tr("Check"), this);
    connect(m_checkButton, &QPushButton::clicked, this, &LessonActivityView::checkByHand);
    connect(m_answerEdit, &QLineEdit::returnPressed, this, &LessonActivityView::checkByHand);
    typeRow->addWidget(m_answerEdit, 1);
    typeRow->addWidget(m_checkButton);
    layout->addLayout(typeRow);
    auto *helpRow = new QHBoxLayout;
    m_hintButton = new QPushButton(tr("Hint"), this);
    connect(m_hintButton, &QPushButton::clicked, this, &LessonActivityView::showHint);
    m_showMeButton = new QPushButton(tr("Show me"), this);
    connect(m_showMeButton, &QPushButton::clicked, this, &LessonActivityView::showMe);
    helpRow->addWidget(m_hintButton);
    helpRow->addWidget(m_showMeButton);
    helpRow->addStretch(1);
    layout->addLayout(helpRow);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    QFont statusFont = m_status->font();
    statusFont.setBold(true);
    m_status->setFont(statusFont);
    layout->addWidget(m_status);

    connect(m_host->document(), &Document::traceChanged, this, &LessonActivityView::refreshTry);
}

void LessonActivityView::begin(const LessonStep *step)
{
    if (step)
        m_step = *step;
    else
        m_step.reset();
    // A try goal is judged again in rebuild(), against the step's scenario.
    m_answer = Answer::None;
    m_chosen = -1;
    m_hintShown = false;
    m_workingShown = false;
    m_answerEdit->clear();
}

void LessonActivityView::rebuild()
{
    for (QPushButton *button : std::as_const(m_answerButtons))
        delete button;
    m_answerButtons.clear();

    const LessonStep *step = m_step ? &*m_step : nullptr;
    const LessonActivity::Type type = step ? step->activity.type : LessonActivity::Type::Read;
    if (type == LessonActivity::Type::Predict) {
        QStringList labels;
        if (step->activity.hasChoices()) {
            labels = step->text.choices;
        } else {
            const Scenario &scenario = m_host->document()->scenario();
            const Matrix &matrix =
                m_host->document()->trace().matrix(step->activity.stage, step->activity.head);
            const auto &keys = scenario.keySequence().tokens;
            for (int col = 0; col < matrix.cols(); ++col) {
                labels << (std::size_t(matrix.cols()) == keys.size()
                               ? QString::fromStdString(keys[std::size_t(col)])
                               : tr("column %1").arg(col));
            }
        }
        const int columns = step->activity.hasChoices() ? 1 : 2;
        for (int index = 0; index < labels.size(); ++index) {
            auto *button = new QPushButton(labels.at(index), this);
            button->setCheckable(true);
            button->setObjectName(QStringLiteral("answer_%1").arg(index));
            connect(button, &QPushButton::clicked, this, [this, index] { answerPredict(index); });
            m_answerGrid->addWidget(button, index / columns, index % columns);
            m_answerButtons.append(button);
        }
    }
    const bool byHand = type == LessonActivity::Type::ByHand;
    const bool tryIt = type == LessonActivity::Type::Try;
    m_answerEdit->setVisible(byHand);
    m_checkButton->setVisible(byHand);
    m_hintButton->setVisible((tryIt || byHand) && step && !step->text.hint.isEmpty());
    m_showMeButton->setVisible(tryIt || byHand);
    m_showMeButton->setText(tryIt ? tr("Show me") : tr("Show the working"));
    m_showMeButton->setToolTip(tryIt ? tr("Make the change for me (Ctrl+Z takes it back)")
                                     : tr("Show the value and how it is computed"));
    setVisible(type != LessonActivity::Type::Read);
    if (tryIt)
        m_goalMet = goalMet(step->activity.goal, m_host->document()->trace());
}

bool LessonActivityView::isDone() const
{
    if (!m_step)
        return false;
    switch (m_step->activity.type) {
    case LessonActivity::Type::Read:
        return true;
    case LessonActivity::Type::Predict:
    case LessonActivity::Type::ByHand:
        return m_answer == Answer::Right;
    case LessonActivity::Type::Try:
        return m_goalMet;
    }
    return false;
}

bool LessonActivityView::hasGrown() const
{
    return m_answer != Answer::None || m_hintShown || m_goalMet;
}

QStringList LessonActivityView::markdown() const
{
    if (!m_step)
        return {};
    const LessonText &text = m_step->text;
    QStringList parts;
    // A predict step's choices are the buttons, not text.
    if (m_hintShown && !text.hint.isEmpty())
        parts << QStringLiteral("**%1** %2").arg(tr("Hint:"), text.hint);
    switch (m_step->activity.type) {
    case LessonActivity::Type::Read:
        break;
    case LessonActivity::Type::Predict:
        if (m_answer != Answer::None) {
            parts << (m_answer == Answer::Right ? tr("**Right.**") : tr("**Not quite.**"))
                  << (m_answer == Answer::Right ? text.right : text.wrong);
            const QString numbers = rowNumbers();
            if (!numbers.isEmpty())
                parts << numbers;
        }
        break;
    case LessonActivity::Type::Try:
        if (m_goalMet && !text.right.isEmpty())
            parts << text.right;
        break;
    case LessonActivity::Type::ByHand:
        if (m_answer == Answer::Right && !text.right.isEmpty())
            parts << text.right;
        else if (m_answer == Answer::Wrong && !text.wrong.isEmpty())
            parts << text.wrong;
        if (m_workingShown)
            parts << working();
        break;
    }
    return parts;
}

void LessonActivityView::refreshStatus()
{
    QString status;
    if (m_step) {
        switch (m_step->activity.type) {
        case LessonActivity::Type::Read:
            break;
        case LessonActivity::Type::Predict:
            status = m_answer == Answer::None    ? tr("Pick your answer.")
                     : m_answer == Answer::Right ? tr("Right ✓")
                                                 : tr("Not quite ✗ — see why above.");
            break;
        case LessonActivity::Type::Try:
            status = m_goalMet ? tr("Done ✓ — the goal holds.")
                               : tr("Not yet: edit the matrices until the goal holds.");
            break;
        case LessonActivity::Type::ByHand:
            status = m_answer == Answer::None ? tr("Type your value and press Check.")
                     : m_answer == Answer::Right
                         ? tr("Right ✓")
                         : tr("Not quite ✗ — try again, or show the working.");
            break;
        }
    }
    m_status->setText(status);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, isDone() ? QColor(0x1b, 0x7a, 0x2e)
                                                    : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void LessonActivityView::clearStatus()
{
    m_status->clear();
}

QString LessonActivityView::statusText() const
{
    return m_status->text();
}

void LessonActivityView::refreshTry()
{
    if (!m_step || m_step->activity.type != LessonActivity::Type::Try)
        return;
    const Document *document = m_host->document();
    const bool met = !document->error() && goalMet(m_step->activity.goal, document->trace());
    if (met == m_goalMet)
        return;
    m_goalMet = met;
    emit textChanged();
}

CellRef LessonActivityView::activityCell() const
{
    const LessonActivity &activity = m_step->activity;
    return CellRef{activity.stage, activity.head, activity.row, activity.col};
}

QString LessonActivityView::rowNumbers() const
{
    const LessonActivity &activity = m_step->activity;
    if (activity.hasChoices())
        return {};
    const Trace &trace = m_host->document()->trace();
    const Matrix &matrix = trace.matrix(activity.stage, activity.head);
    if (activity.row >= matrix.rows())
        return {};
    const Scenario &scenario = m_host->document()->scenario();
    const auto &queries = scenario.target.tokens;
    QStringList cells;
    for (int col = 0; col < matrix.cols(); ++col) {
        const QString label =
            col < m_answerButtons.size() ? m_answerButtons.at(col)->text() : QString::number(col);
        cells << QStringLiteral("%1 **%2**").arg(label, number(matrix(activity.row, col)));
    }
    const QString query = std::size_t(activity.row) < queries.size()
                              ? QString::fromStdString(queries[std::size_t(activity.row)])
                              : QString::number(activity.row);
    return tr("%1 of %2: %3")
        .arg(stage_text::title(activity.stage), query, cells.join(QStringLiteral(" · ")));
}

QString LessonActivityView::working() const
{
    const Document *document = m_host->document();
    const Explanation explanation =
        explain(document->scenario(), document->trace(), activityCell());
    return QStringLiteral("`%1`\n\n%2")
        .arg(QString::fromStdString(explanation.text), explanation_text::meaning(explanation));
}

void LessonActivityView::answerPredict(int index)
{
    if (!m_step || m_answer != Answer::None) {
        // One answer per visit; keep the buttons showing it.
        for (int i = 0; i < m_answerButtons.size(); ++i)
            m_answerButtons.at(i)->setChecked(i == m_chosen);
        return;
    }
    const LessonActivity &activity = m_step->activity;
    int correct = activity.correct;
    if (!activity.hasChoices())
        correct =
            rowArgMax(m_host->document()->trace(), activity.stage, activity.head, activity.row);
    m_chosen = index;
    m_answer = index == correct ? Answer::Right : Answer::Wrong;
    for (int i = 0; i < m_answerButtons.size(); ++i) {
        QPushButton *button = m_answerButtons.at(i);
        button->setChecked(i == index);
        if (i == correct)
            button->setText(button->text() + QStringLiteral(" ✓"));
    }
    if (activity.reveal)
        m_host->revealUpTo(*activity.reveal);
    else if (!activity.hasChoices() && int(m_host->revealedStage()) < int(activity.stage))
        m_host->revealUpTo(activity.stage);
    if (!activity.hasChoices()) {
        HeatmapView::Highlight row;
        row.row = activity.row;
        row.column = -1;
        if (HeatmapView *heatmap = m_host->heatmap(activity.stage))
            heatmap->setHighlights({row});
    }
    emit textChanged();
}

void LessonActivityView::checkByHand()
{
    if (!m_step || m_step->activity.type != LessonActivity::Type::ByHand)
        return;
    const std::optional<double> typed = parseTyped(m_answerEdit->text());
    if (!typed) {
        m_status->setText(tr("Type a number, e.g. 10 or 0.75."));
        return;
    }
    const Matrix &matrix =
        m_host->document()->trace().matrix(m_step->activity.stage, m_step->activity.head);
    const CellRef cell = activityCell();
    if (cell.row >= matrix.rows() || cell.col >= matrix.cols())
        return;
    const double expected = matrix(cell.row, cell.col);
    const bool right = std::fabs(*typed - expected) <= m_step->activity.tolerance;
    m_answer = right ? Answer::Right : Answer::Wrong;
    if (right)
        showMe();
    else
        emit textChanged();
}

void LessonActivityView::showMe()
{
    if (!m_step)
        return;
    const LessonActivity &activity = m_step->activity;
    if (activity.type == LessonActivity::Type::Try) {
        Document *document = m_host->document();
        document->change(withCellEdits(document->scenario(), activity.solution),
                         tr("Show me: %1").arg(m_step->text.title));
        return; // traceChanged marks the goal
    }
    if (activity.type == LessonActivity::Type::ByHand) {
        m_workingShown = true;
        if (int(m_host->revealedStage()) < int(activity.stage))
            m_host->revealUpTo(activity.stage);
        if (isPerHead(activity.stage))
            m_host->setHead(activity.head);
        m_host->pinCell(activityCell());
        emit textChanged();
    }
}

void LessonActivityView::showHint()
{
    m_hintShown = true;
    emit textChanged();
}

} // namespace attn::ui
