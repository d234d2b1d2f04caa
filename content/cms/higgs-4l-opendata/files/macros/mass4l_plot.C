// mass4l_plot.C -- stacks the four-lepton mass histograms of the example and
// normalises the backgrounds the way the analysis does:
//   * Z/gamma* + X to the Z peak,
//   * ZZ* to the data between 180 and 600 GeV,
//   * the Higgs signal to the data in the signal region.
// Run in the directory that holds the histogram files:
//   root -l -b -q mass4l_plot.C
#include <TFile.h>
#include <TH1D.h>
#include <THStack.h>
#include <TCanvas.h>
#include <TLegend.h>
#include <iostream>

static TH1D* load(const char* file, const char* name = "h_m4l") {
  TFile* f = TFile::Open(file);
  if (!f || f->IsZombie()) {
    std::cerr << "missing " << file << std::endl;
    return nullptr;
  }
  TH1D* h = (TH1D*)f->Get(name);
  h->SetDirectory(nullptr);
  return h;
}

static double integral(TH1D* h, double lo, double hi) {
  return h->Integral(h->FindBin(lo), h->FindBin(hi));
}

void mass4l_plot() {
  TH1D* data = load("data_4l.root");
  TH1D* zz = load("zz_4l.root");
  TH1D* dy = load("dy_4l.root");
  TH1D* higgs = load("higgs_4l.root");
  if (!data || !zz || !dy || !higgs) return;

  zz->Scale(integral(data, 180, 600) / integral(zz, 180, 600));
  dy->Scale(integral(data, 86, 96) / integral(dy, 86, 96) * 0.15);
  double excess = integral(data, 121, 131) - integral(zz, 121, 131) - integral(dy, 121, 131);
  higgs->Scale(excess > 0 ? excess / integral(higgs, 121, 131) : 1.0);

  dy->SetFillColor(kGreen - 6);
  zz->SetFillColor(kAzure - 9);
  higgs->SetLineColor(kMagenta);
  higgs->SetLineWidth(2);

  THStack stack("stack", ";m_{4l} (GeV);Events / 3 GeV");
  stack.Add(dy);
  stack.Add(zz);

  TCanvas canvas("canvas", "", 700, 600);
  stack.Draw("hist");
  stack.GetXaxis()->SetRangeUser(70, 181);
  higgs->Draw("hist same");
  data->SetMarkerStyle(20);
  data->Draw("e1 same");

  TLegend legend(0.60, 0.65, 0.88, 0.88);
  legend.AddEntry(data, "Data", "ep");
  legend.AddEntry(zz, "ZZ*", "f");
  legend.AddEntry(dy, "Z/#gamma* + X", "f");
  legend.AddEntry(higgs, "m_{H} = 125 GeV", "l");
  legend.Draw();
  canvas.SaveAs("mass4l_combined_user.pdf");
}
