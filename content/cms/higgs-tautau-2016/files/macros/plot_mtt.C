// plot_mtt.C -- draws the m_tautau distribution of one category from the
// histogram file written by the `histograms` step of reana.yaml.
//
//   root -b -q 'plot_mtt.C("results/htt_mt_vbf_13TeV.root","results/mtt_mt_vbf.pdf")'
//
// The file holds one TH1F per process (data_obs, ZTT, QCD, W, TT, VV, ggH125, qqH125),
// named as in the combine datacard of the same category.
#include <TFile.h>
#include <TH1F.h>
#include <THStack.h>
#include <TCanvas.h>
#include <TLegend.h>
#include <TLatex.h>
#include <TStyle.h>
#include <iostream>
#include <vector>

void plot_mtt(const char* input = "results/htt_mt_vbf_13TeV.root",
              const char* output = "results/mtt_mt_vbf.pdf",
              const char* category = "mt_vbf") {
  gStyle->SetOptStat(0);
  TFile* file = TFile::Open(input);
  if (!file || file->IsZombie()) {
    std::cerr << "cannot open " << input << std::endl;
    return;
  }
  TDirectory* dir = file->GetDirectory(category);
  if (!dir) {
    std::cerr << "no category " << category << " in " << input << std::endl;
    return;
  }

  // Backgrounds are stacked from the smallest to the largest.
  struct Process { const char* name; const char* label; int color; };
  std::vector<Process> backgrounds = {
    {"VV", "Others", kGray},
    {"TT", "t#bar{t}", kBlue - 8},
    {"W", "W + jets", kRed - 4},
    {"QCD", "QCD multijet", kMagenta - 10},
    {"ZTT", "Z#rightarrow#tau#tau", kOrange - 4},
  };

  THStack* stack = new THStack("stack", ";m_{#tau#tau} (GeV);Events / 15 GeV");
  TLegend* legend = new TLegend(0.62, 0.55, 0.90, 0.88);
  legend->SetBorderSize(0);

  TH1F* data = (TH1F*)dir->Get("data_obs");
  legend->AddEntry(data, "Observed", "ep");
  for (auto it = backgrounds.rbegin(); it != backgrounds.rend(); ++it) {
    TH1F* h = (TH1F*)dir->Get(it->name);
    if (!h) continue;
    h->SetFillColor(it->color);
    h->SetLineColor(kBlack);
    legend->AddEntry(h, it->label, "f");
  }
  for (const auto& p : backgrounds) {
    TH1F* h = (TH1F*)dir->Get(p.name);
    if (h) stack->Add(h);
  }

  TH1F* signal = (TH1F*)dir->Get("ggH125");
  TH1F* vbf = (TH1F*)dir->Get("qqH125");
  if (signal && vbf) signal->Add(vbf);
  if (signal) {
    signal->SetLineColor(kBlue);
    signal->SetLineStyle(2);
    signal->SetLineWidth(2);
    legend->AddEntry(signal, "H(125)#rightarrow#tau#tau", "l");
  }

  TCanvas* canvas = new TCanvas("canvas", "", 700, 600);
  stack->SetMaximum(1.45 * std::max(stack->GetMaximum(), data->GetMaximum()));
  stack->Draw("hist");
  if (signal) signal->Draw("hist same");
  data->SetMarkerStyle(20);
  data->Draw("e1 same");
  legend->Draw();

  TLatex label;
  label.SetNDC();
  label.DrawLatex(0.12, 0.92, "#bf{CMS}");
  label.SetTextAlign(31);
  label.DrawLatex(0.90, 0.92, "35.9 fb^{-1} (13 TeV)");
  canvas->SaveAs(output);
}
