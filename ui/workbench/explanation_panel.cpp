#include "explanation_panel.h"

#include "document.h"
#include "explanation_text.h"
#include "stage_text.h"

#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>

namespace attn::ui {

ExplanationPanel::ExplanationPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(3);
    setObjectName(QStringLiteral("explanationPanel"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("QWidget#explanationPanel { border: 1px solid palette(mid);"
                                 " border-radius: 6px; background: palette(alternate-base); }"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("explanationHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_working = new QLabel(this);
    m_working->setObjectName(QStringLiteral("explanationWorking"));
    m_working->setTextFormat(Qt::PlainText);
    m_working->setWordWrap(true);
    m_working->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(m_working->font().pointSizeF() * 1.15);
    m_working->setFont(mono);
    m_meaning = new QLabel(this);
    m_meaning->setObjectName(QStringLiteral("explanationMeaning"));
    m_meaning->setWordWrap(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_working);
    layout->addWidget(m_meaning);
    layout->addStretch(1);
    clear();
}

void ExplanationPanel::clear()
{
    m_heading->setText(tr("<b>Point at any cell</b> of a heatmap"));
    m_working->setText(QString());
    m_meaning->setText(tr("Its working appears here with the numbers, and the cells it came "
                          "from are outlined in the other heatmaps. Click a cell to keep it."));
}

void ExplanationPanel::showExplanation(const Explanation &e)
{
    const Scenario &scenario = m_document->scenario();
    QString where = stage_text::title(e.cell.stage);
    const bool perHead = e.cell.stage >= Stage::Scores && e.cell.stage <= Stage::Output;
    if (perHead && m_document->trace().headCount() > 1)
        where += tr(", head %1").arg(e.cell.head + 1);
    const auto tokenName = [](const std::vector<std::string> &tokens, int index) {
        return index >= 0 && index < int(tokens.size())
                   ? QString::fromStdString(tokens[std::size_t(index)])
                   : QString();
    };
    QString pair;
    if (e.cell.stage >= Stage::Scores && e.cell.stage <= Stage::Weights) {
        pair = tr("%1 looking at %2")
                   .arg(tokenName(scenario.target.tokens, e.cell.row),
                        tokenName(scenario.keySequence().tokens, e.cell.col));
    } else if (e.cell.stage == Stage::Keys || e.cell.stage == Stage::Values) {
        pair = tokenName(scenario.keySequence().tokens, e.cell.row);
    } else {
        pair = tokenName(scenario.target.tokens, e.cell.row);
    }
    m_heading->setText(
        QStringLiteral("<b>%1</b> · %2").arg(where.toHtmlEscaped(), pair.toHtmlEscaped()));
    m_working->setText(QString::fromStdString(e.text));
    m_meaning->setText(explanation_text::meaning(e));
}

QString ExplanationPanel::workingText() const
{
    return m_working->text();
}

QString ExplanationPanel::meaningText() const
{
    return m_meaning->text();
}

} // namespace attn::ui
